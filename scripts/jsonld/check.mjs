// Checks the claim export of running peacegraph servers against
// schema.org's vocabulary. Every claim the server holds is fetched from
// GET /claims/{id}.jsonld and the documents are type-checked with the
// TypeScript compiler against schema-dts, the typings generated from
// schema.org's vocabulary: an unknown type or property, or a value of a
// type the property does not take, fails the check.
//
// Usage: node check.mjs --seeds <base URL> --fixture <base URL>
//   --seeds:   a server on the real seeds; it must hold claims, and none
//              may carry a review (the record invents no verdicts).
//   --fixture: a server on a dataset with reviews; it must answer at least
//              one Claim, one ClaimReview (one review) and one @graph of
//              ClaimReviews (several reviews).
// Both also answer a well-formed unknown ID with 404 and a malformed ID
// with 400, each with a JSON error body.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!['--seeds', '--fixture'].includes(flag) || !value) {
      console.error('usage: node check.mjs --seeds <base URL> --fixture <base URL>');
      process.exit(2);
    }
    out[flag.slice(2)] = value.replace(/\/+$/, '');
  }
  if (!out.seeds && !out.fixture) {
    console.error('usage: node check.mjs --seeds <base URL> --fixture <base URL>');
    process.exit(2);
  }
  return out;
}

const problems = [];
function problem(where, message) {
  problems.push(`${where}: ${message}`);
}

async function claimIDs(base) {
  const ids = [];
  let after = null;
  for (;;) {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
      body: JSON.stringify({
        query: 'query($after: String) { claims(first: 100, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage } } }',
        variables: { after },
      }),
    });
    const body = await res.json();
    if (body.errors) throw new Error(`${base}/graphql: ${JSON.stringify(body.errors)}`);
    const { edges, pageInfo } = body.data.claims;
    ids.push(...edges.map((e) => e.node.id));
    if (!pageInfo.hasNextPage || edges.length === 0) return ids;
    after = edges[edges.length - 1].cursor;
  }
}

// kindOf names the schema-dts type a document is checked against.
function kindOf(doc) {
  if (Array.isArray(doc['@graph'])) return 'Graph';
  return doc['@type'];
}

async function fetchDocuments(base) {
  const docs = [];
  for (const id of await claimIDs(base)) {
    const url = `${base}/claims/${id}.jsonld`;
    const res = await fetch(url);
    const type = res.headers.get('content-type') ?? '';
    if (res.status !== 200) {
      problem(url, `status ${res.status}, want 200`);
      continue;
    }
    if (!type.startsWith('application/ld+json')) problem(url, `content type ${type}, want application/ld+json`);
    const doc = await res.json();
    if (doc['@context'] !== 'https://schema.org') problem(url, `@context ${JSON.stringify(doc['@context'])}, want "https://schema.org"`);
    const kind = kindOf(doc);
    if (!['Claim', 'ClaimReview', 'Graph'].includes(kind)) {
      problem(url, `a document of type ${JSON.stringify(kind)}, want Claim, ClaimReview or an @graph of them`);
      continue;
    }
    if (kind === 'Graph') {
      for (const r of doc['@graph']) {
        if (r['@type'] !== 'ClaimReview') problem(url, `@graph holds a ${JSON.stringify(r['@type'])}, want only ClaimReviews`);
      }
    }
    const claim = kind === 'Claim' ? doc : (kind === 'ClaimReview' ? doc : doc['@graph'][0] ?? {}).itemReviewed;
    if (!claim || claim['@type'] !== 'Claim' || !claim.text) problem(url, 'no Claim with a text');
    docs.push({ url, kind, doc });
  }
  return docs;
}

async function checkErrors(base) {
  for (const [id, want] of [['no-such-claim-at-all', 404], ['Not_An_ID', 400]]) {
    const url = `${base}/claims/${id}.jsonld`;
    const res = await fetch(url);
    if (res.status !== want) problem(url, `status ${res.status}, want ${want}`);
    const type = res.headers.get('content-type') ?? '';
    if (!type.startsWith('application/json')) {
      problem(url, `content type ${type}, want application/json`);
      continue;
    }
    const body = await res.json();
    if (!body.error?.code || !body.error?.message) problem(url, `body ${JSON.stringify(body)}, want {"error": {"code", "message"}}`);
  }
}

// typeCheck compiles one in-memory module that assigns every document, as
// an object literal, to its schema-dts type; literals get TypeScript's
// excess-property check, so unknown properties fail too.
function typeCheck(docs) {
  const file = path.join(here, '__documents__.ts');
  const lines = ["import type { WithContext, Claim, ClaimReview, Graph } from 'schema-dts';"];
  const owner = [];
  docs.forEach((d, i) => {
    const type = d.kind === 'Graph' ? 'Graph' : `WithContext<${d.kind}>`;
    const text = `export const doc${i}: ${type} = ${JSON.stringify(d.doc, null, 2)};`.split('\n');
    for (let k = 0; k < text.length; k++) owner[lines.length + k] = d.url;
    lines.push(...text);
  });
  const source = lines.join('\n');
  const options = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, lang, ...rest) =>
    path.resolve(name) === file ? ts.createSourceFile(name, source, lang, true) : getSourceFile.call(host, name, lang, ...rest);
  const fileExists = host.fileExists;
  host.fileExists = (name) => path.resolve(name) === file || fileExists.call(host, name);
  const program = ts.createProgram([file], options, host);
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (d.file && path.resolve(d.file.fileName) === file) {
      const { line } = d.file.getLineAndCharacterOfPosition(d.start);
      problem(owner[line] ?? 'documents', `line ${line + 1} of the document module: ${message}`);
    } else {
      problem(d.file?.fileName ?? 'typescript', message);
    }
  }
}

const args = parseArgs(process.argv.slice(2));
const all = [];
for (const [role, base] of Object.entries(args)) {
  const docs = await fetchDocuments(base);
  await checkErrors(base);
  const count = (k) => docs.filter((d) => d.kind === k).length;
  console.log(`${role} (${base}): ${docs.length} claim documents: ${count('Claim')} Claim, ${count('ClaimReview')} ClaimReview, ${count('Graph')} @graph`);
  if (docs.length === 0) problem(base, 'the server holds no claims');
  if (role === 'seeds' && count('Claim') !== docs.length) problem(base, 'a claim of the real seeds has a review; the record carries no verdicts');
  if (role === 'fixture') {
    for (const k of ['Claim', 'ClaimReview', 'Graph']) {
      if (count(k) === 0) problem(base, `no ${k} document; the fixture must exercise every shape`);
    }
  }
  all.push(...docs);
}
typeCheck(all);

for (const p of problems) console.log(`FAIL ${p}`);
console.log(`\n${all.length} documents checked against schema.org (schema-dts): ${problems.length} problems`);
process.exit(problems.length > 0 ? 1 : 0);
