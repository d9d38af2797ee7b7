package com.mizani.app.cluster;

import com.zaxxer.hikari.HikariDataSource;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The in-process MongoDB-wire server holds one process's audit views, so a node that uses it must be alone on its
 * database: another node's audit events would land in views nobody else reads, and each start of an in-process node
 * rebuilds the audit views from the first event ({@code EmbeddedAuditRebuild}). So every node holds a PostgreSQL
 * advisory lock for as long as it runs: exclusively with the in-process server, shared with a MongoDB that every node
 * uses. A node that cannot take it refuses to start, saying why. The lock lives on a connection of its own and goes
 * with it, so a killed node frees it at once; after a database restart it is taken again.
 */
@Component
public class AuditStoreGuard implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditStoreGuard.class);
    private static final String LOCK_KEY = "mizani:audit-store";

    private final DataSource dataSource;
    private final boolean inProcess;
    private Connection holder;

    AuditStoreGuard(DataSource dataSource, ObjectProvider<MongoServer> inProcessServer) throws SQLException {
        this.dataSource = dataSource;
        this.inProcess = inProcessServer.getIfAvailable() != null;
        if (!take()) {
            throw new IllegalStateException(inProcess
                    ? "another Mizani node is running on this database, and this one would keep its audit views in "
                            + "its in-process MongoDB-wire server; give every node spring.mongodb.uri of one shared MongoDB"
                    : "a Mizani node that keeps its audit views in its in-process MongoDB-wire server is running on "
                            + "this database; stop it, or restart it with spring.mongodb.uri of the shared MongoDB");
        }
    }

    /** Takes the lock again on a new connection if the one holding it broke (a database restart). */
    @Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
    synchronized void keep() {
        try {
            if (holder != null && holder.isValid(2)) {
                return;
            }
            close();
            if (take()) {
                log.info("Audit-store lock taken again after the database connection holding it was lost");
            } else {
                log.error("After the database connection was lost, another node took the audit-store lock: {}",
                        inProcess ? "this node keeps its audit views in process while another node runs; stop one"
                                : "a node that keeps its audit views in process shares this database; stop it");
            }
        } catch (SQLException unreachable) {
            close();
            log.warn("Could not take the audit-store lock again yet: {}", unreachable.getMessage());
        }
    }

    private boolean take() throws SQLException {
        holder = ownConnection();
        String lock = inProcess ? "pg_try_advisory_lock" : "pg_try_advisory_lock_shared";
        try (PreparedStatement statement = holder.prepareStatement("SELECT " + lock + "(hashtextextended(?, 0))")) {
            statement.setString(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (result.getBoolean(1)) {
                    return true;
                }
            }
        }
        close();
        return false;
    }

    /** Outside the pool, so that the lock never goes back into it and the pool keeps the size it was given. */
    private Connection ownConnection() throws SQLException {
        if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return dataSource.getConnection();
    }

    @Override
    public synchronized void destroy() {
        close();
    }

    private void close() {
        if (holder == null) {
            return;
        }
        try {
            holder.close();
        } catch (SQLException ignored) {
            // The lock goes with the connection either way.
        }
        holder = null;
    }
}
