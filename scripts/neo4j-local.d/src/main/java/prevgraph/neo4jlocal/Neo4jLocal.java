package prevgraph.neo4jlocal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.Version;

/**
 * Runs an embedded Neo4j Community DBMS with the Bolt connector enabled and
 * authentication disabled, until the JVM receives SIGTERM/SIGINT.
 *
 * <p>Usage: {@code Neo4jLocal <home-dir> <host> <port> <pagecache-MiB>}
 *
 * <p>After startup it verifies that {@code RETURN 1} works both through the
 * embedded API and over Bolt (with the Java driver that org.neo4j:neo4j already
 * depends on), then prints a line starting with {@code BOLT READY}.  The
 * scripts/neo4j-local wrapper waits for that line.
 */
public final class Neo4jLocal {
    private Neo4jLocal() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: Neo4jLocal <home-dir> <host> <port> <pagecache-MiB>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        long pageCacheMiB = Long.parseLong(args[3]);
        Files.createDirectories(home);

        String uri = "bolt://" + host + ":" + port;
        log("starting Neo4j " + Version.getNeo4jVersion() + " (home " + home + ", bolt " + uri
                + ", page cache " + pageCacheMiB + "MiB)");

        long t0 = System.nanoTime();
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Netty's default graceful-shutdown quiet period (5s per event loop group)
                    // makes `stop` take ~10s; nothing needs it on a local dev instance.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                    .build();
        } catch (Throwable t) {
            log("Neo4j failed to start: " + t);
            t.printStackTrace();
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("shutdown requested, stopping Neo4j");
            try {
                dbms.shutdown();
                log("Neo4j stopped cleanly");
            } catch (Throwable t) {
                log("error during shutdown: " + t);
                t.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "neo4j-local-shutdown"));

        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            long embedded = db.executeTransactionally("RETURN 1 AS one", Map.of(),
                    r -> ((Number) r.next().get("one")).longValue());
            if (embedded != 1L) {
                throw new IllegalStateException("embedded RETURN 1 gave " + embedded);
            }
            try (Driver driver = GraphDatabase.driver(uri, AuthTokens.none());
                 Session session = driver.session()) {
                long overBolt = session.run("RETURN 1 AS one").single().get("one").asLong();
                if (overBolt != 1L) {
                    throw new IllegalStateException("RETURN 1 over Bolt gave " + overBolt);
                }
            }
        } catch (Throwable t) {
            log("self-check failed: " + t);
            t.printStackTrace();
            System.exit(1); // runs the shutdown hook
        }

        log(String.format("started in %.1fs", (System.nanoTime() - t0) / 1e9));
        System.out.println("BOLT READY " + uri);
        System.out.flush();

        stopped.await();
    }

    private static void log(String msg) {
        System.out.println("[neo4j-local] " + Instant.now() + " " + msg);
        System.out.flush();
    }
}
