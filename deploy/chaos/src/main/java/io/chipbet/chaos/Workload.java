package io.chipbet.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A seeded burst of authenticated writes over the three producing services: creations and updates (status
 * changes, revisions, milestones, delays, pool updates), every one with an Idempotency-Key. The seed fixes
 * which writes are made, to what and in which order per aggregate; the answers (ids) come from the services.
 *
 * <p>A write that gets no answer (connection refused or reset, a timeout) or a 503 is sent again, with the
 * same key, the same body and the same If-Match, until it gets an answer: a client that was never told
 * whether its write landed must be able to find out without making it twice. Writes of one aggregate are
 * sent one after the other (each update names the version the last answer gave); aggregates are spread
 * over the workers.
 */
final class Workload {

    /** How long one write may keep being retried before the suite gives up on it. */
    static final Duration WRITE_PATIENCE = Duration.ofSeconds(240);
    private static final List<String> REGIONS = List.of("US", "TW", "KR", "JP", "EU");
    private static final Map<String, String> COUNTRY = Map.of("US", "US", "TW", "TW", "KR", "KR", "JP", "JP", "EU", "DE");
    private static final List<String> OPERATORS = List.of("TSMC", "Samsung", "Intel", "Rapidus", "Micron");
    private static final Map<String, String> SOURCE = Map.of("url", "https://example.org/chaos", "title", "chipbet fault suite");

    /** One write as the ledger keeps it once answered 2xx. */
    record Ack(String run, String service, String aggregateType, UUID id, long version, String kind, String key,
               boolean replayed, int attempts) {
    }

    /** What happened to the writes of one run. */
    static final class Outcome {
        final List<Ack> acknowledged = new CopyOnWriteArrayList<>();
        /** A 4xx or a 5xx other than 503 for a write that is valid: each a failure of the run. */
        final List<String> wrongAnswers = new CopyOnWriteArrayList<>();
        /** Writes still unanswered after {@link #WRITE_PATIENCE}. */
        final List<String> unanswered = new CopyOnWriteArrayList<>();
        final AtomicInteger retries = new AtomicInteger();
        final AtomicInteger unavailable = new AtomicInteger();
        final AtomicInteger noAnswer = new AtomicInteger();
        /** Answers that were neither 2xx nor a 503 problem with Retry-After while a fault ran. */
        final List<String> unclean503 = new CopyOnWriteArrayList<>();
        volatile Duration took = Duration.ZERO;
    }

    private final Stack stack;
    private final String run;
    private final long seed;
    private final int writes;
    private final int workers;
    private final double perSecond;
    private final String token;
    private final Outcome outcome = new Outcome();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());
    private final LocalDate today = LocalDate.now();

    /**
     * @param run       names this run in keys and in the ledger, e.g. {@code F3-s2}
     * @param writes    about how many writes to make
     * @param workers   concurrent writers per producing service
     * @param perSecond the pace: a fault meets the writes it is meant to meet, on a fast machine and a slow one
     */
    Workload(Stack stack, String run, long seed, int writes, int workers, double perSecond) {
        this.stack = stack;
        this.run = run;
        this.seed = seed;
        this.writes = writes;
        this.workers = workers;
        this.perSecond = perSecond;
        this.token = stack.tokens().withRoles("chaos-workload", Duration.ofHours(6), "editor");
    }

    Outcome outcome() {
        return outcome;
    }

    /** How many writes have their answer (2xx or a wrong answer) so far. */
    int answered() {
        return answered.get();
    }

    int planned() {
        return writes;
    }

    /** Blocks until {@code fraction} of the planned writes are answered (or the run ended). */
    void awaitProgress(double fraction, Thread runner) {
        while (answered.get() < fraction * writes && runner.isAlive()) {
            Stack.sleep(Duration.ofMillis(50));
        }
    }

    /** Runs every write, returns when each has its answer or was given up on. */
    Outcome run() {
        long started = System.nanoTime();
        Random random = new Random(seed);
        List<String> investors = new ArrayList<>();
        int investorsPlanned = 3;
        for (int i = 0; i < investorsPlanned; i++) {
            Map<String, Object> body = Map.of("name", "Chaos investor " + run + " " + i,
                    "kind", pick(random, List.of("SOVEREIGN_FUND", "CORPORATE", "GOVERNMENT", "PRIVATE_CAPITAL")), "country", "US");
            JsonNode answer = send(new Op("funding-service", "investor", "POST", "/api/v1/investors", body, null,
                    key("inv", i, 0), "InvestorRecorded"));
            if (answer != null) {
                investors.add(answer.path("id").asText());
            }
        }
        if (investors.isEmpty()) {
            outcome.took = Duration.ofNanos(System.nanoTime() - started);
            return outcome;
        }
        List<Actor> actors = new ArrayList<>();
        int planned = investorsPlanned;
        int index = 0;
        while (planned < writes) {
            long actorSeed = random.nextLong();
            double kind = random.nextDouble();
            Actor actor;
            if (kind < 0.36) {
                actor = new CommitmentActor(index, actorSeed, investors.get(random.nextInt(investors.size())));
            } else if (kind < 0.72) {
                actor = new FabActor(index, actorSeed);
            } else if (kind < 0.90) {
                actor = new PoolActor(index, actorSeed);
            } else if (kind < 0.95) {
                actor = new ProgramActor(index, actorSeed);
            } else {
                actor = new EstimateActor(index, actorSeed);
            }
            actor.operations = Math.min(actor.operations, writes - planned);
            planned += actor.operations;
            actors.add(actor);
            index++;
        }
        Collections.shuffle(actors, random);
        // Each service gets workers of its own: while one is down, the writes to the others go on.
        Map<String, ConcurrentLinkedQueue<Actor>> queues = new LinkedHashMap<>();
        for (Actor actor : actors) {
            queues.computeIfAbsent(actor.service(), service -> new ConcurrentLinkedQueue<>()).add(actor);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers * queues.size(), runnable -> {
            Thread thread = new Thread(runnable, "chaos-workload-" + run);
            thread.setDaemon(true);
            return thread;
        });
        for (ConcurrentLinkedQueue<Actor> queue : queues.values()) {
            for (int i = 0; i < workers; i++) {
                pool.execute(() -> {
                    Actor actor;
                    while ((actor = queue.poll()) != null) {
                        actor.play();
                    }
                });
            }
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
                pool.shutdownNow();
                outcome.unanswered.add("the workload did not finish within 30 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        outcome.took = Duration.ofNanos(System.nanoTime() - started);
        return outcome;
    }

    /** One write: where, what, against which version, under which key. */
    private record Op(String service, String aggregateType, String method, String path, Map<String, Object> body,
                      Long ifMatch, String key, String kind) {
    }

    private String key(String actor, int index, int op) {
        return "chaos-" + run + "-" + actor + index + "-" + op;
    }

    /**
     * Sends {@code op} until it gets an answer; returns the 2xx body, or null after a wrong answer or when given up.
     * A 503 must be a problem with Retry-After: anything else while a fault runs is recorded as unclean.
     */
    private JsonNode send(Op op) {
        String body = Http.toJson(op.body());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "Bearer " + token);
        headers.put("Idempotency-Key", op.key());
        headers.put("If-Match", op.ifMatch() == null ? null : "\"" + op.ifMatch() + "\"");
        HttpRequest request = Http.write(op.method(), stack.url(op.service()) + op.path(), body, headers);
        long deadline = System.nanoTime() + WRITE_PATIENCE.toNanos();
        int attempts = 0;
        Duration backoff = Duration.ofMillis(200);
        pace();
        while (true) {
            attempts++;
            Http.Answer answer = null;
            try {
                answer = Http.send(request);
            } catch (IOException e) {
                outcome.noAnswer.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (answer != null && answer.status() / 100 == 2) {
                JsonNode json = answer.json();
                long version = json.path("version").asLong(1);
                UUID id = UUID.fromString(json.path("id").asText());
                outcome.acknowledged.add(new Ack(run, op.service(), op.aggregateType(), id, version, op.kind(), op.key(),
                        answer.header("Idempotent-Replayed").isPresent(), attempts));
                answered.incrementAndGet();
                return json;
            }
            if (answer != null && answer.status() == 503) {
                outcome.unavailable.incrementAndGet();
                if (!answer.isProblem() || answer.header("Retry-After").isEmpty()) {
                    outcome.unclean503.add(op.method() + " " + op.path() + ": " + answer.describe());
                }
            } else if (answer != null) {
                outcome.wrongAnswers.add(op.method() + " " + op.path() + " (" + op.kind() + ", key " + op.key() + "): "
                        + answer.describe());
                answered.incrementAndGet();
                return null;
            }
            if (System.nanoTime() > deadline) {
                outcome.unanswered.add(op.method() + " " + op.path() + " (key " + op.key() + ") after " + attempts + " attempts");
                answered.incrementAndGet();
                return null;
            }
            outcome.retries.incrementAndGet();
            Stack.sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : backoff.multipliedBy(2);
        }
    }

    /** Spreads the writes over time at the run's pace, whatever the number of workers. */
    private void pace() {
        long interval = (long) (1e9 / perSecond);
        long slot = nextSlot.getAndUpdate(previous -> Math.max(previous, System.nanoTime() - interval) + interval);
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            Stack.sleep(Duration.ofNanos(wait));
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    // ------------------------------------------------------------------------------------------ actors

    /** One aggregate's writes: its creation, then updates that its current state allows. */
    private abstract class Actor {
        final int index;
        final Random random;
        int operations;
        String id;
        long version;

        Actor(int index, long seed, int updatesAtMost) {
            this.index = index;
            this.random = new Random(seed);
            this.operations = 1 + random.nextInt(updatesAtMost + 1);
        }

        void play() {
            for (int op = 0; op < operations; op++) {
                Op next = op == 0 ? create(key(name(), index, op)) : update(key(name(), index, op));
                if (next == null) {
                    return; // nothing more this aggregate can take
                }
                JsonNode answer = send(next);
                if (answer == null) {
                    return; // its state is not known: further updates would be guesses
                }
                id = answer.path("id").asText();
                version = answer.path("version").asLong();
                accepted(answer);
            }
        }

        abstract String name();

        /** The service that owns the aggregate. */
        abstract String service();

        abstract Op create(String key);

        abstract Op update(String key);

        void accepted(JsonNode answer) {
        }
    }

    private final class CommitmentActor extends Actor {
        private static final List<String> FORWARD = List.of("RUMORED", "DISCUSSED", "PLEDGED", "COMMITTED", "DISBURSED");
        private final String investor;
        private String status;
        private BigDecimal amount;
        private BigDecimal disbursed = BigDecimal.ZERO;

        CommitmentActor(int index, long seed, String investor) {
            super(index, seed, 4);
            this.investor = investor;
        }

        @Override
        String service() {
            return "funding-service";
        }

        @Override
        String name() {
            return "com";
        }

        @Override
        Op create(String key) {
            status = pick(random, List.of("RUMORED", "DISCUSSED", "PLEDGED"));
            amount = money(1e8 + random.nextDouble() * 5e10);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("investorId", investor);
            body.put("amountUsd", amount);
            body.put("purpose", pick(random, List.of("FABS", "FABS", "GENERAL_AI_INFRASTRUCTURE", "DATA_CENTERS", "OPERATOR_CAPEX")));
            body.put("status", status);
            body.put("announcedOn", LocalDate.of(2023, 1, 1).plusDays(random.nextInt(700)).toString());
            body.put("sources", List.of(SOURCE));
            return new Op("funding-service", "commitment", "POST", "/api/v1/commitments", body, null, key, "CommitmentRecorded");
        }

        @Override
        Op update(String key) {
            String path = "/api/v1/commitments/" + id;
            if (status.equals("DISBURSED")) {
                if (disbursed.compareTo(amount) >= 0) {
                    return null;
                }
                BigDecimal more = money(disbursed.doubleValue() + (amount.doubleValue() - disbursed.doubleValue()) * (0.2 + 0.6 * random.nextDouble()));
                if (more.compareTo(disbursed) <= 0 || more.compareTo(amount) > 0) {
                    return null;
                }
                return new Op("funding-service", "commitment", "POST", path + "/status-changes",
                        Map.of("to", "DISBURSED", "disbursedUsd", more, "source", SOURCE), version, key, "CommitmentStatusChanged");
            }
            if (random.nextDouble() < 0.35) {
                BigDecimal revised = money(amount.doubleValue() * (0.5 + random.nextDouble()));
                if (revised.compareTo(amount) == 0) {
                    revised = revised.add(BigDecimal.ONE);
                }
                return new Op("funding-service", "commitment", "POST", path + "/revisions",
                        Map.of("amountUsd", revised, "reason", "Revised by the fault suite", "source", SOURCE), version, key,
                        "CommitmentRevised");
            }
            String to = FORWARD.get(Math.min(FORWARD.size() - 1, FORWARD.indexOf(status) + 1 + random.nextInt(2)));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("to", to);
            if (to.equals("DISBURSED")) {
                body.put("disbursedUsd", money(amount.doubleValue() * (0.1 + 0.4 * random.nextDouble())));
            }
            body.put("source", SOURCE);
            return new Op("funding-service", "commitment", "POST", path + "/status-changes", body, version, key, "CommitmentStatusChanged");
        }

        @Override
        void accepted(JsonNode answer) {
            status = answer.path("status").asText();
            amount = answer.path("amountUsd").decimalValue();
            disbursed = answer.path("disbursedUsd").isNumber() ? answer.path("disbursedUsd").decimalValue() : BigDecimal.ZERO;
        }
    }

    private final class FabActor extends Actor {
        private static final List<String> STAGES = List.of("ANNOUNCED", "PERMITTING", "UNDER_CONSTRUCTION", "TOOL_INSTALL", "RISK_PRODUCTION");
        private String status = "ANNOUNCED";
        private LocalDate lastDate;
        private LocalDate planned;
        private int capacity;

        FabActor(int index, long seed) {
            super(index, seed, 4);
        }

        @Override
        String service() {
            return "fab-service";
        }

        @Override
        String name() {
            return "fab";
        }

        @Override
        Op create(String key) {
            String region = pick(random, REGIONS);
            String operator = pick(random, OPERATORS);
            lastDate = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(1400));
            planned = LocalDate.of(2026 + random.nextInt(4), 1 + random.nextInt(12), 1).plusMonths(1).minusDays(1);
            capacity = 10_000 + 1_000 * random.nextInt(50);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", operator + " chaos fab " + run + "-" + index);
            body.put("operator", operator);
            body.put("country", COUNTRY.get(region));
            body.put("region", region);
            body.put("nodeClass", pick(random, List.of("LEADING_EDGE", "LEADING_EDGE", "ADVANCED", "MATURE")));
            body.put("capacityWafersPerMonth", capacity);
            body.put("capexUsd", money(5e9 + random.nextDouble() * 2e10));
            body.put("announcedOn", lastDate.toString());
            body.put("originalProductionDate", planned.toString());
            body.put("sources", List.of(SOURCE));
            return new Op("fab-service", "fab", "POST", "/api/v1/fabs", body, null, key, "FabAnnounced");
        }

        @Override
        Op update(String key) {
            String path = "/api/v1/fabs/" + id;
            double choice = random.nextDouble();
            int stage = STAGES.indexOf(status);
            if (choice < 0.45 && stage >= 0 && stage < STAGES.size() - 1 && lastDate.isBefore(today)) {
                LocalDate reached = lastDate.plusDays(1 + random.nextInt(60));
                if (reached.isAfter(today)) {
                    reached = today;
                }
                return new Op("fab-service", "fab", "POST", path + "/milestones",
                        Map.of("status", STAGES.get(stage + 1), "reachedOn", reached.toString(), "source", SOURCE), version, key,
                        "FabMilestoneReached");
            }
            if (choice < 0.75) {
                LocalDate later = planned.plusMonths(1 + random.nextInt(12));
                return new Op("fab-service", "fab", "POST", path + "/delays",
                        Map.of("plannedProductionDate", later.toString(), "reason", "Delayed by the fault suite", "source", SOURCE),
                        version, key, "FabDelayed");
            }
            int revised = capacity + 1_000 * (1 + random.nextInt(10)) * (random.nextBoolean() ? 1 : -1);
            return new Op("fab-service", "fab", "POST", path + "/revisions",
                    Map.of("capacityWafersPerMonth", Math.max(1_000, revised == capacity ? capacity + 1_000 : revised),
                            "reason", "Revised by the fault suite", "source", SOURCE), version, key, "FabRevised");
        }

        @Override
        void accepted(JsonNode answer) {
            status = answer.path("status").asText();
            capacity = answer.path("capacityWafersPerMonth").asInt();
            if (answer.hasNonNull("plannedProductionDate")) {
                planned = LocalDate.parse(answer.path("plannedProductionDate").asText());
            }
            for (String field : List.of("announcedOn", "constructionStartOn", "actualProductionDate")) {
                if (answer.hasNonNull(field)) {
                    LocalDate date = LocalDate.parse(answer.path(field).asText());
                    if (date.isAfter(lastDate)) {
                        lastDate = date;
                    }
                }
            }
        }
    }

    private final class PoolActor extends Actor {
        private long headcount;

        PoolActor(int index, long seed) {
            super(index, seed, 3);
        }

        @Override
        String service() {
            return "talent-service";
        }

        @Override
        String name() {
            return "pool";
        }

        @Override
        Op create(String key) {
            headcount = 1_000 + random.nextInt(100_000);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("region", region(this, index));
            body.put("role", pick(random, List.of("ENGINEER", "TECHNICIAN", "CONSTRUCTION_TRADES")));
            body.put("asOfYear", 2023);
            body.put("headcount", headcount);
            body.put("annualPipeline", (long) random.nextInt(5_000));
            body.put("attritionRate", new BigDecimal("0.0" + (1 + random.nextInt(9)) + "00"));
            body.put("sources", List.of(SOURCE));
            return new Op("talent-service", "talent-pool", "POST", "/api/v1/talent-pools", body, null, key, "TalentPoolRecorded");
        }

        @Override
        Op update(String key) {
            headcount += 1 + random.nextInt(5_000);
            return new Op("talent-service", "talent-pool", "POST", "/api/v1/talent-pools/" + id + "/updates",
                    Map.of("headcount", headcount, "reason", "Updated by the fault suite", "source", SOURCE), version, key,
                    "TalentPoolUpdated");
        }
    }

    private final class ProgramActor extends Actor {
        ProgramActor(int index, long seed) {
            super(index, seed, 0);
        }

        @Override
        String service() {
            return "talent-service";
        }

        @Override
        String name() {
            return "prog";
        }

        @Override
        Op create(String key) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Chaos program " + run + "-" + index);
            body.put("region", region(this, index));
            body.put("role", pick(random, List.of("ENGINEER", "TECHNICIAN")));
            body.put("workersPerYear", (long) (100 + random.nextInt(2_000)));
            body.put("startYear", 2025);
            body.put("endYear", 2027 + random.nextInt(4));
            body.put("fundingUsd", money(1e6 + random.nextDouble() * 1e8));
            body.put("source", SOURCE);
            return new Op("talent-service", "training-program", "POST", "/api/v1/training-programs", body, null, key,
                    "TrainingProgramLaunched");
        }

        @Override
        Op update(String key) {
            return null;
        }
    }

    private final class EstimateActor extends Actor {
        EstimateActor(int index, long seed) {
            super(index, seed, 0);
        }

        @Override
        String service() {
            return "talent-service";
        }

        @Override
        String name() {
            return "est";
        }

        @Override
        Op create(String key) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("region", region(this, index));
            body.put("targetYear", 2030);
            body.put("shortfall", (long) random.nextInt(50_000));
            body.put("demand", (long) (50_000 + random.nextInt(400_000)));
            body.put("source", SOURCE);
            return new Op("talent-service", "shortfall-estimate", "POST", "/api/v1/shortfall-estimates", body, null, key,
                    "ShortfallEstimatePublished");
        }

        @Override
        Op update(String key) {
            return null;
        }
    }

    /**
     * A talent region of this run's own (a pool is unique per region and role): the same seed gives the same
     * regions, and no two runs share one.
     */
    private String region(Actor actor, int index) {
        return ("C" + run + actor.name() + index).replaceAll("[^A-Za-z0-9]", "").toUpperCase();
    }

}
