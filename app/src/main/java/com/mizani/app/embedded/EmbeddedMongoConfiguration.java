package com.mizani.app.embedded;

import com.mizani.app.mode.ConditionalOnLocalMode;
import com.mizani.app.mode.LocalPart;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * With no {@code spring.mongodb.uri}, Mizani runs an in-process server speaking the MongoDB wire protocol for
 * its audit views. It keeps nothing on disk: audit views are rebuilt from the event store. Never in production mode.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnLocalMode
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty()")
public class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    /**
     * The databases, apart from the wire server that serves them, so that the server can be stopped and started again
     * over the same data, as a real MongoDB restarts over its files (tests do, to watch the audit view catch up).
     * {@link MemoryBackend#close()}, which the server calls when it stops, would drop every database.
     */
    @Bean
    public MemoryBackend embeddedMongoBackend() {
        return new MemoryBackend() {
            @Override
            public void close() {
                // The data lives as long as the application, not as long as one run of the wire server.
            }
        };
    }

    @Bean(destroyMethod = "shutdownNow")
    public MongoServer embeddedMongoServer(MemoryBackend backend) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB-wire server listening on {}:{}", address.getHostString(), address.getPort());
        return server;
    }

    @Bean
    public LocalPart embeddedMongoPart(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        return new LocalPart("mongo", "embedded MongoDB-wire server", Map.of(
                "address", address.getHostString() + ":" + address.getPort(),
                "storage", "in memory, audit views rebuilt at every start"));
    }

    @Bean
    public MongoConnectionDetails embeddedMongoConnection(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        ConnectionString connection = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/mizani");
        return () -> connection;
    }

    /**
     * Boot's Mongo health check sends {@code hello}, which the wire server does not implement; {@code ping} is
     * what both it and a real MongoDB answer. Named so that it replaces Boot's indicator.
     */
    @Bean
    public HealthIndicator mongoHealthIndicator(MongoClient client) {
        return () -> {
            try {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
                return Health.up().withDetail("server", "embedded MongoDB-wire server").build();
            } catch (RuntimeException down) {
                return Health.down(down).build();
            }
        };
    }
}
