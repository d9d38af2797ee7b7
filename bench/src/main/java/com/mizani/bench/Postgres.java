package com.mizani.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The PostgreSQL server under test: real PostgreSQL 17 binaries, durable (fsync and synchronous commit on, as the
 * app's own embedded server), on a fixed port so that it can be restarted under a running app.
 */
final class Postgres implements AutoCloseable {

    static final Map<String, String> SETTINGS = Map.of(
            "fsync", "on", "synchronous_commit", "on", "max_connections", "300",
            "shared_buffers", "512MB", "timezone", "UTC");

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    Postgres(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
    }

    void start() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(false).setPort(port);
        SETTINGS.forEach(builder::setServerConfig);
        server = builder.start();
    }

    /** A clean restart, as an operator would do it: the app loses its connections meanwhile. */
    void restart() throws IOException {
        server.close();
        start();
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }
}
