// The peer of the benchmark: the Neo4j GraphQL Library on Apollo Server,
// serving typedefs.graphql over the Neo4j at NEO4J_URI.
//
//   node server.mjs --port 18100 [--host 127.0.0.1]
//
// Environment: NEO4J_URI (default bolt://127.0.0.1:7687), NEO4J_USERNAME
// (default neo4j), NEO4J_PASSWORD (no authentication when empty),
// NEO4J_DATABASE (default neo4j).
//
// A request with the header `x-bench-capture: 1` runs as any other, and its
// response carries, in extensions.cypher, every statement the library sent
// to Neo4j for it, with its parameters (a Neo4j integer as {"$int": "N"}),
// so that the benchmark can PROFILE exactly what the library runs. The
// header only records; it changes neither the Cypher nor how it runs.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const { values: args } = parseArgs({
  options: {
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string" },
  },
});
const port = Number(args.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`peer: --port must be a TCP port, got ${JSON.stringify(args.port)}`);
  process.exit(2);
}

const uri = process.env.NEO4J_URI || "bolt://127.0.0.1:7687";
const username = process.env.NEO4J_USERNAME || "neo4j";
const password = process.env.NEO4J_PASSWORD || "";
const database = process.env.NEO4J_DATABASE || "neo4j";

const driver = neo4j.driver(uri, password ? neo4j.auth.basic(username, password) : neo4j.auth.none());
try {
  await driver.verifyConnectivity({ database });
} catch (err) {
  console.error(`peer: Neo4j at ${uri} cannot be reached: ${err.message}`);
  await driver.close();
  process.exit(1);
}

const typeDefs = readFileSync(new URL("./typedefs.graphql", import.meta.url), "utf8");
const neoSchema = new Neo4jGraphQL({
  typeDefs,
  driver,
  features: {
    // Dates are ISO strings in the model; "as of" compares them as strings.
    filters: { String: { LT: true, LTE: true, GT: true, GTE: true } },
  },
});

// wire turns the library's parameters into JSON that keeps Neo4j integers
// apart from floats (JavaScript numbers reach Neo4j as floats).
function wire(v) {
  if (neo4j.isInt(v)) return { $int: v.toString() };
  if (Array.isArray(v)) return v.map(wire);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wire(x)]));
  }
  return v;
}

// capturing is a driver that records every statement run through it and
// hands everything else to the real driver: the library takes a driver,
// a session or a transaction as context.executionContext.
function capturing(log) {
  const recorder = (tx) => ({
    run(query, params) {
      log.push({ query, params: wire(params ?? {}) });
      return tx.run(query, params);
    },
  });
  return {
    executeQueryBookmarkManager: driver.executeQueryBookmarkManager,
    session(config) {
      const s = driver.session(config);
      return {
        executeRead: (work, txConfig) => s.executeRead((tx) => work(recorder(tx)), txConfig),
        executeWrite: (work, txConfig) => s.executeWrite((tx) => work(recorder(tx)), txConfig),
        close: () => s.close(),
      };
    },
  };
}

const captureToExtensions = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (!contextValue.benchCypher || response.body.kind !== "single") return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, cypher: contextValue.benchCypher };
      },
    };
  },
};

const server = new ApolloServer({
  schema: await neoSchema.getSchema(),
  plugins: [ApolloServerPluginLandingPageDisabled(), captureToExtensions],
});

const { url } = await startStandaloneServer(server, {
  listen: { host: args.host, port },
  context: async ({ req }) => {
    const sessionConfig = { database };
    if (req.headers["x-bench-capture"] !== "1") return { sessionConfig };
    const log = [];
    return { sessionConfig, executionContext: capturing(log), benchCypher: log };
  },
});
console.log(`peer: ready at ${url} (Neo4j ${uri})`);

async function shutdown() {
  await server.stop();
  await driver.close();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
