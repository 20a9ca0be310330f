package io.chipbet.infra.testing;

import io.chipbet.infra.postgres.PostgresServer;
import io.chipbet.infra.security.LocalKeys;
import io.chipbet.infra.security.TestKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a service's tests a real Kafka broker, a real PostgreSQL database of their own, and the
 * public key of the test token signer.
 *
 * <p>Register it once per service with the init arg {@code database}. When the environment names
 * running servers ({@code CHIPBET_KAFKA_BOOTSTRAP_SERVERS} and {@code CHIPBET_POSTGRES_PORT}), it
 * uses those and starts nothing.
 */
public class ChipbetInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database = "chipbet";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        String bootstrap = System.getenv("CHIPBET_KAFKA_BOOTSTRAP_SERVERS");
        String postgresPort = System.getenv("CHIPBET_POSTGRES_PORT");
        int port;
        if (bootstrap != null && postgresPort != null) {
            port = Integer.parseInt(postgresPort);
        } else {
            TestInfrastructure.Endpoints endpoints = TestInfrastructure.startOnce();
            bootstrap = endpoints.bootstrapServers();
            port = endpoints.postgresPort();
        }
        PostgresServer.ensureDatabase(port, database);
        LocalKeys keys = TestKeys.get();
        return Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/" + database,
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", "",
                "mp.jwt.verify.publickey.location", keys.publicKey().toUri().toString(),
                "mp.jwt.verify.issuer", LocalKeys.ISSUER);
    }

    @Override
    public void stop() {
        // The servers outlive one application start: TestInfrastructure stops them when the JVM exits.
    }
}
