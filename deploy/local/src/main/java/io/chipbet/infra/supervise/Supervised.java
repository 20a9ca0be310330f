package io.chipbet.infra.supervise;

import io.chipbet.infra.kafka.KafkaBroker;
import io.chipbet.infra.postgres.PostgresServer;
import io.chipbet.infra.services.LocalServices;
import io.chipbet.infra.services.ServiceProcess;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A process the launcher runs and keeps running: a service, the broker or the database server. */
public interface Supervised {

    String name();

    /** Where it answers, as a user would type it. */
    String address();

    /** Starts it and returns once it is ready; throws if it gets not there. */
    void start();

    /** Stops it, cleanly if it can, and leaves nothing of it running; harmless if it is not running. */
    void stop();

    /** Its own process (not its guard) while it runs. */
    Optional<ProcessHandle> command();

    /** Completes with the exit status of the process running now ({@code 128 + n}: ended by signal n). */
    CompletableFuture<Integer> exited();

    static Supervised service(ServiceProcess service) {
        return new Supervised() {
            @Override
            public String name() {
                return service.name();
            }

            @Override
            public String address() {
                return service.baseUrl();
            }

            @Override
            public void start() {
                service.start();
                service.awaitReady(LocalServices.READY_TIMEOUT);
            }

            @Override
            public void stop() {
                service.stop();
            }

            @Override
            public Optional<ProcessHandle> command() {
                return service.command();
            }

            @Override
            public CompletableFuture<Integer> exited() {
                return service.exited();
            }
        };
    }

    static Supervised kafka(KafkaBroker kafka) {
        return new Supervised() {
            @Override
            public String name() {
                return "kafka";
            }

            @Override
            public String address() {
                return kafka.bootstrapServers();
            }

            @Override
            public void start() {
                kafka.start();
            }

            @Override
            public void stop() {
                kafka.stop();
            }

            @Override
            public Optional<ProcessHandle> command() {
                return kafka.command();
            }

            @Override
            public CompletableFuture<Integer> exited() {
                return kafka.exited();
            }
        };
    }

    static Supervised postgres(PostgresServer postgres) {
        return new Supervised() {
            @Override
            public String name() {
                return "postgres";
            }

            @Override
            public String address() {
                return "127.0.0.1:" + postgres.port();
            }

            @Override
            public void start() {
                postgres.start();
            }

            @Override
            public void stop() {
                postgres.stop();
            }

            @Override
            public Optional<ProcessHandle> command() {
                return postgres.command();
            }

            @Override
            public CompletableFuture<Integer> exited() {
                return postgres.exited();
            }
        };
    }
}
