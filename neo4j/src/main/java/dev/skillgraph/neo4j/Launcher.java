package dev.skillgraph.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community in this JVM with Bolt on 127.0.0.1.
 *
 * Environment: NEO4J_PORT (default 7687), NEO4J_DATA_DIR (default: a fresh temp dir, deleted
 * on exit), NEO4J_PASSWORD (default "skillgraph"; user is always "neo4j"; "none" disables auth),
 * NEO4J_PLUGIN_DIR (procedure jars to load, e.g. Graph Data Science from `mvn -Pgds package`;
 * their gds.* procedures run unrestricted).
 * Prints "NEO4J READY bolt://127.0.0.1:PORT" once Bolt accepts connections, and shuts down
 * cleanly on SIGTERM/SIGINT.
 */
public final class Launcher {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(env("NEO4J_PORT", "7687"));
    String password = env("NEO4J_PASSWORD", "skillgraph");
    boolean auth = !"none".equals(password);
    String dir = System.getenv("NEO4J_DATA_DIR");
    boolean temp = dir == null || dir.isBlank();
    Path home = temp ? Files.createTempDirectory("skillgraph-neo4j-") : Path.of(dir);
    Files.createDirectories(home);

    String plugins = System.getenv("NEO4J_PLUGIN_DIR");
    DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
    if (plugins != null && !plugins.isBlank()) {
      builder
          .setConfig(GraphDatabaseSettings.plugin_dir, Path.of(plugins).toAbsolutePath())
          .setConfig(GraphDatabaseSettings.procedure_unrestricted, java.util.List.of("gds.*"));
    }
    DatabaseManagementService dbms = builder
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(GraphDatabaseSettings.auth_enabled, auth)
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(120))
        .build();

    try {
      if (auth) setPassword(dbms, password);
    } catch (RuntimeException e) {
      // Not ready, and never will be: stop the database (its threads would keep this JVM alive) and say why.
      dbms.shutdown();
      if (temp) deleteQuietly(home);
      throw e;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dbms.shutdown();
      if (temp) deleteQuietly(home);
      stopped.countDown();
    }));
    System.out.println("NEO4J READY bolt://127.0.0.1:" + port);
    System.out.flush();
    stopped.await();
  }

  /**
   * Sets the neo4j user's password. A data directory started before already has it: Neo4j refuses to set a
   * password to itself, which is then no error.
   */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    try {
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED",
          java.util.Map.of("p", password));
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause())
        if (String.valueOf(t.getMessage()).contains("Old password and new password cannot be the same")) return;
      throw e;
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  private static void deleteQuietly(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception ignored) {
      // best effort: a temp dir left behind is harmless
    }
  }
}
