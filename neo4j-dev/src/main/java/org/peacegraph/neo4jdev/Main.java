package org.peacegraph.neo4jdev;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.Version;

/**
 * Starts Neo4j Community in this JVM with its Bolt connector on 127.0.0.1, so
 * that peacegraph's Neo4j store can be developed and tested against a real
 * server on machines without Docker.
 *
 * <p>Environment:
 * <ul>
 *   <li>NEO4J_DEV_HOME: the server's home; data and logs go under it
 *       (default .neo4j, relative to the working directory).</li>
 *   <li>NEO4J_DEV_PORT: the Bolt port (default 7687).</li>
 *   <li>NEO4J_DEV_PAGECACHE_MB, NEO4J_DEV_TX_MAX_MB, NEO4J_DEV_TX_TOTAL_MB:
 *       the page cache (default 256), the memory one transaction may hold
 *       (default 2048) and all transactions together (default 2560), in
 *       MiB.</li>
 *   <li>NEO4J_DEV_PASSWORD: when set and not empty, authentication is on and
 *       user neo4j has this password (Neo4j requires at least 8 characters);
 *       otherwise authentication is off, which is what tests expect.</li>
 * </ul>
 *
 * <p>Prints "neo4j-dev: bolt listening on 127.0.0.1:PORT" once Bolt accepts
 * connections and runs until SIGTERM or SIGINT, which shut the database down
 * cleanly so the next start needs no recovery.
 */
public final class Main {
    /** How long a shutdown may wait for clients before the JVM halts. */
    private static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(30);

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(env("NEO4J_DEV_HOME", ".neo4j")).toAbsolutePath().normalize();
        int port = Integer.parseInt(env("NEO4J_DEV_PORT", "7687"));
        String password = env("NEO4J_DEV_PASSWORD", "");
        boolean auth = !password.isEmpty();

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                // Data under HOME/data and logs under HOME/logs (the defaults
                // relative to the home); named here so nobody has to guess.
                .setConfig(GraphDatabaseSettings.data_directory, home.resolve("data"))
                .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                // Advertised too, so neo4j:// routing drivers are sent back
                // to the same loopback address rather than to "localhost".
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                // The machine is shared with the tests that use the server:
                // bound every large memory pool instead of sizing from RAM.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(mebiBytes("NEO4J_DEV_PAGECACHE_MB", 256)))
                // A staged load's last transaction relabels every node the
                // load adds, about 3.3 KiB of transaction state each (the
                // labels and the index entries they bring): 1.6 GiB for the
                // 512,000 nodes of 1000 times the seeds loaded from nothing.
                // 2 GiB a transaction holds that; 2.5 GiB in all leaves
                // room for reads beside it. The heap (NEO4J_DEV_JAVA_OPTS,
                // -Xmx5g) must hold it too.
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(mebiBytes("NEO4J_DEV_TX_TOTAL_MB", 2560)))
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(mebiBytes("NEO4J_DEV_TX_MAX_MB", 2048)))
                // Test runs load and wipe the graph again and again; keep the
                // transaction logs small instead of 256 MiB preallocated files
                // kept for two days.
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                // By default the Bolt server waits 5 s for connections and
                // 5 s more for its network threads when it stops, after the
                // databases are already checkpointed and closed; a dev server
                // stopped at the end of every test run has no use for that.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        // The JVM runs shutdown hooks on SIGTERM and SIGINT; shutting the
        // DBMS down there flushes the page cache and checkpoints.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j-dev: shutting down");
            // A client holding an open transaction or connection can keep
            // the Bolt server's shutdown waiting for minutes. Stop waiting
            // after a bound: the databases are checkpointed first, and even
            // if not, the next start recovers from the transaction log.
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(SHUTDOWN_BOUND.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                System.out.println("neo4j-dev: shutdown still waiting after " + SHUTDOWN_BOUND.toSeconds() + "s; halting");
                Runtime.getRuntime().halt(1);
            }, "neo4j-dev-shutdown-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            dbms.shutdown();
            watchdog.interrupt();
            System.out.println("neo4j-dev: stopped");
            stopped.countDown();
        }, "neo4j-dev-shutdown"));

        if (auth) {
            // The system database is created with user neo4j whose password
            // must be changed on first login; set it here so clients can log
            // in directly. Rerunning on every start keeps it in step with the
            // environment.
            try {
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                        Map.of("password", password));
            } catch (RuntimeException e) {
                // Neo4j's own threads would keep the JVM alive without a
                // usable login; exit (the hook shuts down) so the caller sees it.
                System.out.println("neo4j-dev: cannot set the password of user neo4j: " + e.getMessage());
                System.exit(1);
            }
        }

        System.out.println("neo4j-dev: Neo4j " + Version.getNeo4jVersion()
                + " home " + home + ", auth " + (auth ? "enabled (user neo4j)" : "disabled"));
        System.out.println("neo4j-dev: bolt listening on 127.0.0.1:" + port);
        stopped.await();
    }

    private static long mebiBytes(String name, long fallback) {
        return Long.parseLong(env(name, Long.toString(fallback)));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
