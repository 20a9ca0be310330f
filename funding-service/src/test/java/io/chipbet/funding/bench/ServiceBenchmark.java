package io.chipbet.funding.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.funding.FundingApi;
import io.chipbet.infra.LocalInfrastructure;
import io.chipbet.infra.kafka.KafkaBroker;
import io.chipbet.infra.postgres.PostgresServer;
import io.chipbet.infra.process.Ports;
import io.chipbet.infra.security.LocalKeys;
import io.chipbet.infra.security.Tokens;
import io.chipbet.infra.services.LocalServices;
import io.chipbet.infra.services.ServiceProcess;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.testing.BenchResults.Goal;
import io.chipbet.platform.testing.BenchResults;
import io.chipbet.platform.testing.TemporaryFolders;
import io.chipbet.platform.testing.Wrk;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The services as they run in production (their built jars, the prod profile and ServiceProcess's JVM options, as ./chipbet up starts them), on a
 * Kafka broker and a durable PostgreSQL server of this test's own, on random ports:
 * <ul>
 * <li>footprint: each service's time to ready, started alone (all at once with {@code -Dbench.start-together=true}); its RSS idle, and under the write load below;</li>
 * <li>write path: authenticated {@code POST /api/v1/commitments} (outbox, Idempotency-Key, history) with wrk at
 * concurrency {@code bench.connections} (32), against pgbench on the same PostgreSQL doing the same number of single-row
 * inserts per transaction (counted from PostgreSQL's own statistics), in alternating rounds.</li>
 * </ul>
 * Not part of the suite (needs {@code ./mvnw -B package -DskipTests} first); run it with {@code ./chipbet bench --only write}.
 * It prints its figures; it asserts nothing about speed.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ServiceBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+)");
    private static final String FUNDING = "funding-service";
    /** -Dbench.start-together=true (--quick): the services start at once, not one after another. */
    private static final boolean STARTED_TOGETHER = Boolean.getBoolean("bench.start-together");

    @Test
    void footprintAndWritePath() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        int seconds = Integer.getInteger("bench.seconds", 10);
        int connections = Integer.getInteger("bench.connections", 32);
        Path project = Path.of("").toAbsolutePath().getParent();
        Path directory = TemporaryFolders.create("bench-services");
        LocalInfrastructure infrastructure = new LocalInfrastructure(
                new KafkaBroker(directory.resolve("kafka"), Ports.freeLoopbackPort(), Ports.freeLoopbackPort()),
                new PostgresServer(directory.resolve("postgres"), Ports.freeLoopbackPort(), true));
        List<ServiceProcess> services = new ArrayList<>();
        try {
            infrastructure.start();
            LocalKeys keys = LocalKeys.in(directory.resolve("keys"));
            Map<String, List<Double>> ready = new LinkedHashMap<>();
            for (String name : LocalServices.FIXED_PORTS.keySet()) {
                ServiceProcess service = new ServiceProcess(name, Ports.freeLoopbackPort(), project);
                // Diagnostics, e.g. -Dbench.service-jvm-options=-XX:NativeMemoryTracking=summary (then its summary is printed)
                String options = System.getProperty("bench.service-jvm-options", "").trim();
                if (!options.isEmpty()) {
                    service.jvmOptions(List.of(options.split("\\s+")));
                }
                services.add(service);
                ready.put(name, new ArrayList<>());
            }
            for (int round = 0; round < rounds; round++) {
                if (STARTED_TOGETHER) {
                    startTogether(services, infrastructure, keys, directory, ready);
                } else {
                    for (ServiceProcess service : services) {
                        ready.get(service.name()).add(startAlone(service, infrastructure, keys, directory));
                    }
                }
            }
            for (ServiceProcess service : services) {
                System.out.printf(Locale.ROOT, "  %s ready after %s s; its log: %s%n", service.name(), ready.get(service.name()), quarkusStarted(service));
            }
            Thread.sleep(5_000); // past the first seconds' work (Kafka consumers joining, the first relay and score)
            Map<String, List<Double>> idle = new LinkedHashMap<>();
            for (int sample = 0; sample < Math.max(rounds, 3); sample++) {
                services.forEach(service -> idle.computeIfAbsent(service.name(), name -> new ArrayList<>()).add(rssMegabytes(service)));
                Thread.sleep(1_000);
            }
            if (System.getProperty("bench.service-jvm-options", "").contains("NativeMemoryTracking")) {
                for (ServiceProcess service : services) {
                    Process jcmd = new ProcessBuilder("jcmd", String.valueOf(service.command().orElseThrow().pid()), "VM.native_memory", "summary")
                            .redirectErrorStream(true).start();
                    System.out.printf("%nNATIVE MEMORY %s%n%s%n", service.name(), new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                    jcmd.waitFor();
                }
            }
            writePath(infrastructure, new Tokens(keys), services, rounds, seconds, connections, directory);
            freshness(new Tokens(keys).editor(), infrastructure.kafka().bootstrapServers(), services, rounds, seconds);
            ready.forEach((name, took) -> BenchResults.record("write", "time to ready " + name + (STARTED_TOGETHER ? " (4 at once)" : ""), "s",
                    took, Goal.valueAtMost(3)));
            idle.forEach((name, rss) -> BenchResults.record("write", "RSS idle " + name, "MB", rss, Goal.valueAtMost(256)));
        } finally {
            LocalServices.stopAll(services);
            infrastructure.close();
            TemporaryFolders.deleteQuietly(directory);
        }
    }

    /** Each service started alone (stopped first after the first round): its own time to ready, as a restart in production. */
    private static double startAlone(ServiceProcess service, LocalInfrastructure infrastructure, LocalKeys keys, Path directory) {
        service.stop();
        long start = System.nanoTime();
        service.start(LocalServices.environment(infrastructure, keys, service.name(), service.port()), directory.resolve("logs"));
        service.awaitReady(LocalServices.READY_TIMEOUT);
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * All services started at once, as {@code ./chipbet up} starts them, each awaited on its own thread: {@code --quick}'s way,
     * to save the sum of the start-ups. Two cores share four boots then, so each figure is longer than a start alone.
     */
    private static void startTogether(List<ServiceProcess> services, LocalInfrastructure infrastructure, LocalKeys keys, Path directory,
                                      Map<String, List<Double>> ready) {
        services.forEach(ServiceProcess::stop);
        long start = System.nanoTime();
        services.forEach(service -> service.start(LocalServices.environment(infrastructure, keys, service.name(), service.port()),
                directory.resolve("logs")));
        List<CompletableFuture<Double>> tooks = services.stream().map(service -> CompletableFuture.supplyAsync(() -> {
            service.awaitReady(LocalServices.READY_TIMEOUT);
            return (System.nanoTime() - start) / 1e9;
        })).toList();
        for (int i = 0; i < services.size(); i++) {
            ready.get(services.get(i).name()).add(tooks.get(i).join());
        }
    }

    private static void writePath(LocalInfrastructure infrastructure, Tokens tokens, List<ServiceProcess> services, int rounds,
                                  int seconds, int connections, Path directory) throws Exception {
        ServiceProcess funding = service(services, FUNDING);
        String token = tokens.editor();
        // Spread over as many investors as connections, as a day's commitments are: no one investor's row is hot.
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            bodies.add(JSON.writeValueAsString(FundingApi.commitment(createInvestor(funding.baseUrl(), token), "1000", "FABS", "COMMITTED")));
        }
        String body = bodies.get(0);
        Path script = directory.resolve("commitments.lua");
        Files.writeString(script, wrkScript(token, bodies));
        String url = funding.baseUrl() + "/api/v1/commitments";
        String jdbc = infrastructure.postgres().jdbcUrl(LocalServices.database(FUNDING));

        // Warm-up (the JIT), also the count of rows each request inserts, from PostgreSQL's statistics.
        long rowsBefore = insertedRows(jdbc);
        long commitmentsBefore = count(jdbc, "commitment");
        Wrk.run(url, seconds, connections, script);
        long requests = count(jdbc, "commitment") - commitmentsBefore;
        long inserts = Math.max(1, Math.round((insertedRows(jdbc) - rowsBefore) / (double) requests));
        Path pgbench = pgbenchScript(jdbc, inserts, body, directory);

        List<Wrk.Result> service = new ArrayList<>();
        List<Pgbench> database = new ArrayList<>();
        Map<String, List<Double>> loaded = new LinkedHashMap<>();
        List<Double> cpuPerRequest = new ArrayList<>();
        List<Double> coresUsed = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // Alternate which goes first, so that drift on a noisy machine does not favour one.
            if (round % 2 == 1) {
                database.add(pgbench(infrastructure.postgres().port(), pgbench, seconds, connections, directory));
            }
            long cpuBefore = cpuMillis(funding);
            long answeredBefore = count(jdbc, "commitment");
            long wallBefore = System.nanoTime();
            service.add(sampling(services, loaded, () -> Wrk.run(url, seconds, connections, script)));
            double cpu = cpuMillis(funding) - cpuBefore;
            cpuPerRequest.add(cpu / (count(jdbc, "commitment") - answeredBefore));
            coresUsed.add(cpu / ((System.nanoTime() - wallBefore) / 1e6));
            if (round % 2 == 0) {
                database.add(pgbench(infrastructure.postgres().port(), pgbench, seconds, connections, directory));
            }
        }
        String baseline = "pgbench, " + inserts + " inserts a transaction";
        System.out.printf(Locale.ROOT, "%nWRITE BENCHMARK  POST /api/v1/commitments, wrk -t2 -c%d, %d rounds of %d s; %d rows inserted a request%n",
                connections, rounds, seconds, inserts);
        System.out.printf(Locale.ROOT, "  service  %s%n  pgbench  %s%n", service, database);
        // The service's own CPU (utime + stime of its JVM) per answered write, and the cores it got meanwhile.
        System.out.printf(Locale.ROOT, "  funding-service CPU per write %s ms, cores used %s%n%n", cpuPerRequest, coresUsed);
        BenchResults.record("write", "write POST /commitments, c" + connections, "req/s", service.stream().map(Wrk.Result::requestsPerSecond).toList(),
                baseline, database.stream().map(Pgbench::tps).toList(), Goal.ratioAtLeast(0.5));
        BenchResults.record("write", "write p50, c" + connections, "ms", service.stream().map(Wrk.Result::p50Millis).toList(),
                baseline, database.stream().map(Pgbench::p50Millis).toList(), Goal.none());
        BenchResults.record("write", "write p99, c" + connections, "ms", service.stream().map(Wrk.Result::p99Millis).toList(),
                baseline, database.stream().map(Pgbench::p99Millis).toList(), Goal.none());
        loaded.forEach((name, rss) -> BenchResults.record("write", "RSS under write load " + name, "MB", rss, Goal.valueAtMost(256)));
    }

    /**
     * Freshness: writes at {@code bench.rate} (200) a second, each timed from its 2xx answer until the projection's
     * Server-Sent Events stream ({@code /api/v1/feasibility/stream}) shows a score with that many more commitments. The
     * k-th answered write is matched with the first score counting k new commitments, sent after its answer.
     */
    private static void freshness(String token, String kafka, List<ServiceProcess> services, int rounds, int seconds) throws Exception {
        int rate = Integer.getInteger("bench.rate", 200);
        int writeSeconds = Math.min(seconds, Integer.getInteger("bench.freshness-seconds", 5));
        String funding = service(services, FUNDING).baseUrl();
        String investor = createInvestor(funding, token);
        String body = JSON.writeValueAsString(FundingApi.commitment(investor, "1000", "FABS", "COMMITTED"));
        // HTTP/1.1: over h2c the server resets a long stream now and then (RST_STREAM), and a write needs no upgrade.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> achieved = new ArrayList<>();
        List<Double> toKafkaP99 = new ArrayList<>();
        List<Double> kafkaToStreamP99 = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // The hop in between: when each commitment event reached Kafka, as a consumer of the topic sees it.
            CommitmentArrivals arrivals = CommitmentArrivals.start(kafka);
            List<long[]> scores = java.util.Collections.synchronizedList(new ArrayList<>()); // {nanos, commitments}
            HttpRequest subscribe = HttpRequest.newBuilder(URI.create(service(services, "projection-service").baseUrl()
                    + "/api/v1/feasibility/stream")).header("Accept", "text/event-stream").build();
            AtomicBoolean reading = new AtomicBoolean(true);
            Thread reader = new Thread(() -> {
                while (reading.get()) { // a stream that ends is opened again: it starts with the current score
                    try {
                        http.send(subscribe, HttpResponse.BodyHandlers.ofLines()).body().takeWhile(line -> reading.get())
                                .filter(line -> line.startsWith("data:")).forEach(line -> scores.add(new long[] {System.nanoTime(), commitments(line)}));
                    } catch (IOException | RuntimeException e) {
                        // opened again
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-sse");
            reader.setDaemon(true);
            reader.start();
            io.chipbet.platform.testing.Await.until(scores::size, size -> size > 0, Duration.ofSeconds(30), Duration.ofMillis(20),
                    size -> "the first score on the stream");
            Thread.sleep(1_000); // the stream's answer to the earlier writes, if any is still on its way
            long base = scores.get(scores.size() - 1)[1];
            int writes = rate * writeSeconds;
            List<java.util.concurrent.CompletableFuture<Long>> answered = new ArrayList<>();
            // At most 64 writes unanswered: when the service cannot keep the rate, the rate drops (and is printed).
            java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(64);
            long start = System.nanoTime();
            for (int i = 0; i < writes; i++) {
                inFlight.acquire();
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                HttpRequest write = HttpRequest.newBuilder(URI.create(funding + "/api/v1/commitments"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("Idempotency-Key", "fresh-" + round + "-" + i + "-" + start)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                answered.add(http.sendAsync(write, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> inFlight.release())
                        .thenApply(response -> {
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("POST /api/v1/commitments answered " + response.statusCode());
                    }
                    return System.nanoTime();
                }));
            }
            long[] answers = answered.stream().mapToLong(java.util.concurrent.CompletableFuture::join).sorted().toArray();
            achieved.add(writes / ((answers[answers.length - 1] - start) / 1e9));
            io.chipbet.platform.testing.Await.until(() -> scores.get(scores.size() - 1)[1], seen -> seen >= base + writes,
                    Duration.ofMinutes(3), seen -> "the stream showed " + (seen - base) + " of " + writes + " new commitments");
            reading.set(false);
            long[] inKafka = arrivals.stop(writes);
            List<long[]> seen = List.copyOf(scores);
            double[] latencies = new double[writes];
            double[] toKafka = new double[writes];
            double[] kafkaToStream = new double[writes];
            for (int k = 0; k < writes; k++) {
                long answer = answers[k];
                long target = base + k + 1;
                long shown = seen.stream().filter(score -> score[1] >= target && score[0] >= answer).mapToLong(score -> score[0])
                        .min().orElseThrow();
                latencies[k] = (shown - answer) / 1e6;
                // The k-th record to arrive against the k-th answer and the k-th count: the same matching as above.
                long arrived = inKafka[k];
                toKafka[k] = (arrived - answer) / 1e6;
                long shownAfterKafka = seen.stream().filter(score -> score[1] >= target && score[0] >= arrived).mapToLong(score -> score[0])
                        .min().orElseThrow();
                kafkaToStream[k] = (shownAfterKafka - arrived) / 1e6;
            }
            Arrays.sort(latencies);
            Arrays.sort(toKafka);
            Arrays.sort(kafkaToStream);
            p50.add(quantile(latencies, 0.5));
            p99.add(quantile(latencies, 0.99));
            toKafkaP99.add(quantile(toKafka, 0.99));
            kafkaToStreamP99.add(quantile(kafkaToStream, 0.99));
        }
        System.out.printf(Locale.ROOT, "%nFRESHNESS  %d writes/s asked for %d s, %s writes/s answered: p50 %s ms, p99 %s ms%n%n", rate, writeSeconds,
                achieved, p50, p99);
        BenchResults.record("write", "freshness: writes answered, " + rate + "/s asked", "writes/s", achieved, Goal.valueAtLeast(rate));
        BenchResults.record("write", "freshness POST 2xx to SSE p50", "ms", p50, Goal.none());
        BenchResults.record("write", "freshness POST 2xx to SSE p99", "ms", p99, Goal.none());
        // Where the p99 is spent: the relay's hop (2xx to the record on the topic, negative when the record arrived
        // before the client read its answer) and the projection's (the record to the score on the stream).
        BenchResults.record("write", "freshness hop POST 2xx to Kafka p99", "ms", toKafkaP99, Goal.none());
        BenchResults.record("write", "freshness hop Kafka to SSE p99", "ms", kafkaToStreamP99, Goal.none());
    }

    /** A consumer of the commitments topic from its end, noting when each record arrives (System.nanoTime). */
    private static final class CommitmentArrivals {
        private final List<Long> arrivals = java.util.Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        private CommitmentArrivals(String bootstrapServers) throws InterruptedException {
            CountDownLatch assigned = new CountDownLatch(1);
            thread = new Thread(() -> {
                Map<String, Object> config = Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class,
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
                try (var consumer = new KafkaConsumer<byte[], byte[]>(config)) {
                    var partitions = consumer.partitionsFor(FundingTopics.COMMITMENTS).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToEnd(partitions);
                    partitions.forEach(consumer::position); // resolve the end now, before the first write
                    assigned.countDown();
                    while (running.get()) {
                        int count = consumer.poll(Duration.ofMillis(20)).count();
                        long now = System.nanoTime();
                        for (int i = 0; i < count; i++) {
                            arrivals.add(now);
                        }
                    }
                }
            }, "bench-kafka-arrivals");
            thread.setDaemon(true);
            thread.start();
            if (!assigned.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the commitments topic's consumer did not start");
            }
        }

        static CommitmentArrivals start(String bootstrapServers) throws InterruptedException {
            return new CommitmentArrivals(bootstrapServers);
        }

        /** Stops once {@code expected} records have arrived; their arrival times, in order. */
        long[] stop(int expected) throws InterruptedException {
            io.chipbet.platform.testing.Await.until(arrivals::size, size -> size >= expected, Duration.ofMinutes(1), Duration.ofMillis(20),
                    size -> size + " of " + expected + " commitment events on the topic");
            running.set(false);
            thread.join(10_000);
            return arrivals.stream().mapToLong(Long::longValue).limit(expected).toArray();
        }
    }

    /** Quarkus's own "started in" line, the last in the service's log: the boot, without the JVM's start and readiness. */
    private static String quarkusStarted(ServiceProcess service) throws IOException {
        return Files.readAllLines(service.log()).stream().filter(line -> line.contains(" started in ")).reduce((first, last) -> last)
                .map(line -> line.substring(line.indexOf("started in"))).orElse("no start line");
    }

    /** The commitments a score on the stream counts ({@code inputs.commitments}). */
    private static long commitments(String dataLine) {
        try {
            return JSON.readTree(dataLine.substring("data:".length())).path("inputs").path("commitments").asLong();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ServiceProcess service(List<ServiceProcess> services, String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst().orElseThrow();
    }

    private interface Load {
        Wrk.Result run() throws Exception;
    }

    /** Runs {@code load} while sampling each service's RSS every 500 ms; adds each service's highest sample. */
    private static Wrk.Result sampling(List<ServiceProcess> services, Map<String, List<Double>> peaks, Load load) throws Exception {
        Map<String, Double> peak = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                services.forEach(service -> peak.merge(service.name(), rssMegabytes(service), Math::max));
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-rss");
        sampler.start();
        try {
            return load.run();
        } finally {
            running.set(false);
            sampler.join();
            services.forEach(service -> peaks.computeIfAbsent(service.name(), name -> new ArrayList<>()).add(peak.getOrDefault(service.name(), Double.NaN)));
        }
    }

    /** Each request: a new Idempotency-Key (thread and counter), the next of the bodies in turn, the editor's token. */
    private static String wrkScript(String token, List<String> bodies) throws IOException {
        // Each wrk thread has a Lua state of its own: its id (from setup) and the time keep the keys apart.
        StringBuilder table = new StringBuilder();
        for (String body : bodies) {
            table.append(table.length() == 0 ? "" : ", ").append(JSON.writeValueAsString(body));
        }
        return """
                local counter = 0
                local threads = 0
                local bodies = {BODIES}
                function setup(thread)
                  threads = threads + 1
                  thread:set("id", threads)
                end
                function init(args)
                  prefix = string.format("bench-%d-%d-", os.time(), id or 0)
                end
                request = function()
                  counter = counter + 1
                  local headers = {}
                  headers["Content-Type"] = "application/json"
                  headers["Authorization"] = "Bearer TOKEN"
                  headers["Idempotency-Key"] = prefix .. counter
                  return wrk.format("POST", nil, headers, bodies[counter % #bodies + 1])
                end
                """.replace("TOKEN", token).replace("BODIES", table);
    }

    /** pgbench's script: {@code inserts} single-row inserts of a row like the service's in one transaction. */
    private static Path pgbenchScript(String jdbc, long inserts, String body, Path directory) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(jdbc, PostgresServer.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists bench_row (id uuid primary key, aggregate_id uuid not null, "
                    + "created_at timestamptz not null default now(), payload jsonb not null)");
        }
        String literal = "'" + body.replace("'", "''") + "'";
        StringBuilder script = new StringBuilder("BEGIN;\n");
        for (long i = 0; i < inserts; i++) {
            script.append("INSERT INTO bench_row (id, aggregate_id, payload) VALUES (gen_random_uuid(), gen_random_uuid(), ")
                    .append(literal).append(");\n");
        }
        script.append("END;\n");
        Path file = directory.resolve("inserts.sql");
        Files.writeString(file, script);
        return file;
    }

    private record Pgbench(double tps, double p50Millis, double p99Millis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f", tps);
        }
    }

    private static Pgbench pgbench(int port, Path script, int seconds, int connections, Path directory) throws IOException, InterruptedException {
        Path logs = Files.createTempDirectory(directory, "pgbench");
        Process pgbench = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", PostgresServer.USER,
                "-n", "-c", String.valueOf(connections), "-j", "2", "-T", String.valueOf(seconds), "-f", script.toString(),
                "-l", "--log-prefix=" + logs.resolve("tx"), LocalServices.database(FUNDING))
                .directory(logs.toFile()).redirectErrorStream(true).start();
        String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher tps = TPS.matcher(output);
        if (pgbench.waitFor() != 0 || !tps.find()) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        // One line per transaction: client, transaction, latency in microseconds, ...
        double[] latencies;
        try (Stream<Path> files = Files.list(logs)) {
            latencies = files.flatMap(ServiceBenchmark::lines).mapToDouble(line -> Double.parseDouble(line.split(" ")[2]) / 1000).sorted().toArray();
        }
        TemporaryFolders.deleteQuietly(logs);
        return new Pgbench(Double.parseDouble(tps.group(1)), quantile(latencies, 0.5), quantile(latencies, 0.99));
    }

    private static double quantile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String createInvestor(String baseUrl, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/investors"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("name", "Bench investor " + System.nanoTime(), "kind", "SOVEREIGN_FUND", "country", "AE")))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Could not create the investor: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asText();
    }

    /**
     * Rows inserted into the database's own tables since the server started, once the count has settled: each backend
     * reports its statistics within a second or so of its transactions, not at once.
     */
    private static long insertedRows(String jdbc) throws SQLException, InterruptedException {
        String sql = "select coalesce(sum(n_tup_ins), 0) from pg_stat_user_tables where relname <> 'bench_row'";
        long last = -1;
        long now = queryLong(jdbc, sql);
        while (now != last) {
            Thread.sleep(1_500);
            last = now;
            now = queryLong(jdbc, sql);
        }
        return now;
    }

    private static long count(String jdbc, String table) throws SQLException {
        return queryLong(jdbc, "select count(*) from " + table);
    }

    private static long queryLong(String jdbc, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbc, PostgresServer.USER, "");
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** CPU time (user and system) of the service's JVM so far, in ms: /proc/PID/stat's utime and stime, at 100 ticks a second. */
    private static long cpuMillis(ServiceProcess service) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + service.command().orElseThrow().pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /** The service JVM's resident set (VmRSS), in MB. */
    private static double rssMegabytes(ServiceProcess service) {
        long pid = service.command().map(ProcessHandle::pid).orElseThrow(() -> new IllegalStateException(service.name() + " is not running"));
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Arrays.stream(line.split("\\s+")).toList().get(1)).mapToDouble(Double::parseDouble).findFirst()
                    .orElseThrow() / 1024;
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
