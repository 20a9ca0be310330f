package io.chipbet.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipbet.platform.contract.score.ScoreTopics;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Bad requests at every write endpoint of the running services, with an editor token: malformed and
 * non-object JSON, wrong and missing content types, bodies of the wrong shape, each field of a valid body
 * given the wrong JSON type, a NUL, a 1 MB string, a number too big or negative, an impossible or far date,
 * an unknown enum value; unknown fields, invalid and hostile path ids, a stale or missing If-Match, an
 * Idempotency-Key replayed with another body, an oversize body. Every one must get a 4xx problem+json, and
 * together they must leave every table, outbox and topic as it was. The valid bodies they were made from
 * are then sent as they are, and must be accepted: the refusals were the mutations'.
 */
final class BadInputCorpus {

    private static final Map<String, String> SOURCE = Map.of("url", "https://example.org/chaos", "title", "chipbet fault suite");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** The fields that are enums (operator and region are free text). */
    private static final java.util.Set<String> ENUMS = java.util.Set.of("kind", "purpose", "status", "to", "nodeClass", "role");
    private static final String MEGABYTE = "x".repeat(1 << 20);

    /** The corpus's figures and violations. */
    static final class Result {
        int cases;
        int refused;
        int controls;
        final Map<String, Integer> byEndpoint = new LinkedHashMap<>();
        /** The corpus's own accepted writes (its targets and controls): the faults' invariants hold them to account too. */
        final List<Workload.Ack> acknowledged = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        String line() {
            return String.format(Locale.ROOT, "Bad-input corpus: %d bad requests over %d write endpoints, %d refused with a 4xx problem+json, "
                            + "nothing written; %d valid controls accepted%s", cases, byEndpoint.size(), refused, controls,
                    failures.isEmpty() ? "" : ", " + failures.size() + " failures");
        }
    }

    /** One endpoint with a valid body for it (null for none), and whether it takes If-Match. */
    private record Target(String service, String method, String path, Map<String, Object> body, boolean ifMatch) {
        String name() {
            return method + " " + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
        }
    }

    /** One bad request. */
    private record Case(Target target, String what, String path, String contentType, byte[] body, String ifMatch, String key) {
    }

    private final Stack stack;
    private final Topics topics;
    private final String token;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Result result = new Result();

    private BadInputCorpus(Stack stack, Topics topics) {
        this.stack = stack;
        this.topics = topics;
        this.token = stack.tokens().withRoles("chaos-corpus", Duration.ofMinutes(30), "editor");
    }

    static Result run(Stack stack, Topics topics) throws SQLException {
        return new BadInputCorpus(stack, topics).run();
    }

    private Result run() throws SQLException {
        // What the updates apply to: one of each, at version 1.
        String investor = create("funding-service", "/api/v1/investors", investor());
        String commitment = create("funding-service", "/api/v1/commitments", commitment(investor));
        String fab = create("fab-service", "/api/v1/fabs", fab());
        String pool = create("talent-service", "/api/v1/talent-pools", pool());
        List<Target> targets = List.of(
                new Target("funding-service", "POST", "/api/v1/investors", investor(), false),
                new Target("funding-service", "POST", "/api/v1/commitments", commitment(investor), false),
                new Target("funding-service", "POST", "/api/v1/commitments/" + commitment + "/status-changes",
                        map("to", "COMMITTED", "source", SOURCE), true),
                new Target("funding-service", "POST", "/api/v1/commitments/" + commitment + "/revisions",
                        map("amountUsd", new BigDecimal("2000000000.00"), "reason", "Revised by the corpus", "source", SOURCE), true),
                new Target("fab-service", "POST", "/api/v1/fabs", fab(), false),
                new Target("fab-service", "POST", "/api/v1/fabs/" + fab + "/milestones",
                        map("status", "PERMITTING", "reachedOn", "2024-01-01", "source", SOURCE), true),
                new Target("fab-service", "POST", "/api/v1/fabs/" + fab + "/delays",
                        map("plannedProductionDate", "2029-12-31", "reason", "Delayed by the corpus", "source", SOURCE), true),
                new Target("fab-service", "POST", "/api/v1/fabs/" + fab + "/revisions",
                        map("capacityWafersPerMonth", 21_000, "reason", "Revised by the corpus", "source", SOURCE), true),
                new Target("talent-service", "POST", "/api/v1/talent-pools", pool(), false),
                new Target("talent-service", "POST", "/api/v1/talent-pools/" + pool + "/updates",
                        map("headcount", 2_500, "reason", "Updated by the corpus", "source", SOURCE), true),
                new Target("talent-service", "POST", "/api/v1/training-programs", program(), false),
                new Target("talent-service", "POST", "/api/v1/shortfall-estimates", estimate(), false),
                new Target("projection-service", "POST", "/api/v1/scenarios", null, false),
                new Target("projection-service", "PUT", "/api/v1/scenarios/" + UUID.randomUUID(), null, true),
                new Target("projection-service", "DELETE", "/api/v1/scenarios/" + UUID.randomUUID(), null, false));

        List<Case> cases = new ArrayList<>();
        for (Target target : targets) {
            cases.addAll(cases(target));
        }
        // A key used once, then replayed with another body: the first is a control, below.
        Target revision = targets.get(3);
        String reused = "chaos-corpus-" + run + "-reused";
        Map<String, Object> other = new LinkedHashMap<>(revision.body());
        other.put("amountUsd", new BigDecimal("3000000000.00"));

        Map<String, Long> before = written();
        Map<TopicPartition, Long> offsetsBefore = offsets();
        for (Case bad : cases) {
            refused(bad);
        }
        Map<String, Long> after = written();
        Map<TopicPartition, Long> offsetsAfter = offsets();
        if (!after.equals(before)) {
            result.failures.add("the bad requests wrote: " + difference(before, after));
        }
        if (!offsetsAfter.equals(offsetsBefore)) {
            result.failures.add("the bad requests put events on the topics: " + offsetsBefore + " before, " + offsetsAfter + " after");
        }

        Map<String, Long> versions = new java.util.HashMap<>();
        // Controls: the valid bodies as they are (creations, then the updates of version 1), and the replay.
        for (Target target : targets) {
            if (target.body() == null) {
                continue;
            }
            String key = target == revision ? reused : "chaos-corpus-" + run + "-ok-" + result.controls;
            // The updates of one aggregate follow each other: each names the version the last one left.
            String aggregate = target.path().replaceFirst("(/api/v1/[a-z-]+/[0-9a-f-]{36}).*", "$1");
            long version = versions.getOrDefault(aggregate, 1L);
            Http.Answer answer = send(target.method(), target.path(), "application/json", json(target.body()),
                    target.ifMatch() ? "\"" + version + "\"" : null, key);
            if (answer != null && answer.status() / 100 == 2) {
                result.controls++;
                acknowledged(target.service(), target.path(), answer, key);
                versions.put(aggregate, answer.json().path("version").asLong(version + 1));
            } else {
                result.failures.add("the valid control " + target.name() + " was not accepted: " + describe(answer));
            }
        }
        before = written();
        String commitmentPath = revision.path().replace("/revisions", "");
        refused(new Case(revision, "its Idempotency-Key replayed with another body", revision.path(), "application/json",
                json(other), "\"" + versions.getOrDefault(commitmentPath, 1L) + "\"", reused));
        if (!written().equals(before)) {
            result.failures.add("a key replayed with another body wrote");
        }
        return result;
    }

    private List<Case> cases(Target target) {
        List<Case> cases = new ArrayList<>();
        String match = target.ifMatch() ? "\"1\"" : null;
        if (!target.method().equals("DELETE")) {
            byte[] valid = target.body() == null ? "{\"name\":\"corpus\"}".getBytes(StandardCharsets.UTF_8) : json(target.body());
            add(cases, target, "malformed JSON", "application/json", "{\"name\": ".getBytes(StandardCharsets.UTF_8), match);
            add(cases, target, "a JSON array", "application/json", "[]".getBytes(StandardCharsets.UTF_8), match);
            add(cases, target, "a JSON string", "application/json", "\"body\"".getBytes(StandardCharsets.UTF_8), match);
            add(cases, target, "JSON null", "application/json", "null".getBytes(StandardCharsets.UTF_8), match);
            add(cases, target, "an empty body", "application/json", new byte[0], match);
            add(cases, target, "an empty object", "application/json", "{}".getBytes(StandardCharsets.UTF_8), match);
            add(cases, target, "trailing garbage", "application/json", concat(valid, " {}".getBytes(StandardCharsets.UTF_8)), match);
            add(cases, target, "invalid UTF-8", "application/json", new byte[]{'{', '"', 'n', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'}, match);
            add(cases, target, "nesting 5000 deep", "application/json",
                    ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8), match);
            add(cases, target, "text/plain", "text/plain", valid, match);
            add(cases, target, "no content type", null, valid, match);
            add(cases, target, "application/xml", "application/xml", "<fab/>".getBytes(StandardCharsets.UTF_8), match);
            if (target.body() != null) {
                add(cases, target, "an unknown field", "application/json", mutated(target, body -> body.put("unknownField", 1)), match);
                fields(cases, target, match);
                if (target.ifMatch()) {
                    add(cases, target, "a stale If-Match", "application/json", valid, "\"99\"");
                    add(cases, target, "no If-Match", "application/json", valid, null);
                    add(cases, target, "an If-Match that is no version", "application/json", valid, "\"one\"");
                }
                if (!target.ifMatch()) {
                    // Over the 10 MB limit, once per creation: a body the server must not take in.
                    byte[] huge = mutated(target, body -> body.put("name", "x".repeat(11 << 20)));
                    add(cases, target, "an 11 MB body", "application/json", huge, match);
                }
            }
        }
        if (target.path().matches(".*/[0-9a-f]{8}-[0-9a-f-]{27}.*")) {
            for (String id : List.of("not-a-uuid", "1' or '1'='1", "\"; drop table fab; --", "%00", "..%2F..%2Fadmin",
                    "00000000-0000-0000-0000-00000000000g", UUID.randomUUID() + "x")) {
                String encoded = id.contains("%") ? id : URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
                String path = target.path().replaceFirst("[0-9a-f]{8}-[0-9a-f-]{27}", encoded);
                cases.add(new Case(target, "path id '" + id + "'", path, "application/json",
                        target.body() == null ? (target.method().equals("DELETE") ? null : "{}".getBytes(StandardCharsets.UTF_8)) : json(target.body()),
                        match, key()));
            }
        }
        return cases;
    }

    /** Each field of the valid body made invalid in each way its kind allows. */
    private void fields(List<Case> cases, Target target, String match) {
        for (Iterator<Map.Entry<String, Object>> it = target.body().entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Object> entry = it.next();
            String field = entry.getKey();
            Object value = entry.getValue();
            List<Map.Entry<String, Consumer<ObjectNode>>> variations = new ArrayList<>();
            if (value instanceof String text) {
                variations.add(Map.entry("a number", body -> body.put(field, 123)));
                variations.add(Map.entry("a boolean", body -> body.put(field, true)));
                variations.add(Map.entry("an object", body -> body.putObject(field)));
                variations.add(Map.entry("a NUL", body -> body.put(field, text + "\u0000")));
                variations.add(Map.entry("1 MB", body -> body.put(field, MEGABYTE)));
                if (DATE.matcher(text).matches()) {
                    variations.add(Map.entry("2023-02-30", body -> body.put(field, "2023-02-30")));
                    variations.add(Map.entry("year 99999", body -> body.put(field, "99999-01-01")));
                    variations.add(Map.entry("+5874898-01-01", body -> body.put(field, "+5874898-01-01")));
                    variations.add(Map.entry("-999999999-01-01", body -> body.put(field, "-999999999-01-01")));
                    variations.add(Map.entry("no date", body -> body.put(field, "soon")));
                } else if (ENUMS.contains(field)) {
                    variations.add(Map.entry("an unknown value", body -> body.put(field, "NOT_A_VALUE")));
                    variations.add(Map.entry("lower case", body -> body.put(field, text.toLowerCase(Locale.ROOT))));
                    variations.add(Map.entry("its ordinal", body -> body.put(field, 0)));
                }
            } else if (value instanceof Number number) {
                boolean integer = !(number instanceof BigDecimal);
                variations.add(Map.entry("text", body -> body.put(field, String.valueOf(number))));
                variations.add(Map.entry("a boolean", body -> body.put(field, false)));
                variations.add(Map.entry("1e400", body -> body.put(field, new BigDecimal("1e400"))));
                variations.add(Map.entry("10^30", body -> body.put(field, BigInteger.TEN.pow(30))));
                variations.add(Map.entry("negative", body -> body.put(field, -1)));
                if (integer) {
                    variations.add(Map.entry("1.5", body -> body.put(field, new BigDecimal("1.5"))));
                } else {
                    variations.add(Map.entry("a thousandth", body -> body.put(field, new BigDecimal("1000.001"))));
                }
            } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
                variations.add(Map.entry("a string", body -> body.put(field, "x")));
                variations.add(Map.entry("a number", body -> body.put(field, 1)));
            }
            for (Map.Entry<String, Consumer<ObjectNode>> variation : variations) {
                add(cases, target, field + " " + variation.getKey(), "application/json", mutated(target, variation.getValue()), match);
            }
        }
    }

    private void add(List<Case> cases, Target target, String what, String contentType, byte[] body, String ifMatch) {
        cases.add(new Case(target, what, target.path(), contentType, body, ifMatch, key()));
    }

    private void refused(Case bad) {
        result.cases++;
        result.byEndpoint.merge(bad.target().name(), 1, Integer::sum);
        Http.Answer answer = send(bad.target().method(), bad.path(), bad.contentType(), bad.body(), bad.ifMatch(), bad.key());
        if (answer != null && answer.status() >= 400 && answer.status() < 500 && answer.isProblem()) {
            result.refused++;
        } else {
            result.failures.add(bad.target().name() + " (" + bad.target().service() + ") with " + bad.what() + ": " + describe(answer));
        }
    }

    private Http.Answer send(String method, String path, String contentType, byte[] body, String ifMatch, String key) {
        HttpRequest.Builder builder = Http.request(stack.url(serviceOf(path)) + path)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        try {
            return Http.send(builder.build());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String serviceOf(String path) {
        if (path.startsWith("/api/v1/investors") || path.startsWith("/api/v1/commitments")) {
            return "funding-service";
        }
        if (path.startsWith("/api/v1/fabs")) {
            return "fab-service";
        }
        if (path.startsWith("/api/v1/scenarios") || path.startsWith("/api/v1/admin")) {
            return "projection-service";
        }
        return "talent-service";
    }

    private String create(String service, String path, Map<String, Object> body) {
        String key = key();
        Http.Answer answer = send("POST", path, "application/json", json(body), null, key);
        if (answer == null || answer.status() != 201) {
            throw new IllegalStateException("the corpus could not create its target at " + path + ": " + describe(answer));
        }
        acknowledged(service, path, answer, key);
        return answer.json().path("id").asText();
    }

    private void acknowledged(String service, String path, Http.Answer answer, String key) {
        String collection = path.split("/")[3];
        String type = switch (collection) {
            case "investors" -> "investor";
            case "commitments" -> "commitment";
            case "fabs" -> "fab";
            case "talent-pools" -> "talent-pool";
            case "training-programs" -> "training-program";
            case "shortfall-estimates" -> "shortfall-estimate";
            default -> throw new IllegalArgumentException(path);
        };
        JsonNode json = answer.json();
        result.acknowledged.add(new Workload.Ack("corpus", service, type, UUID.fromString(json.path("id").asText()),
                json.path("version").asLong(1), "corpus " + path, key, false, 1));
    }

    /** Rows of every table a write lands in, and every outbox. */
    private Map<String, Long> written() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        count(counts, "funding", "investor", "commitment", "commitment_change", "outbox_event");
        count(counts, "fab", "fab", "fab_change", "outbox_event");
        count(counts, "talent", "talent_pool", "talent_pool_change", "training_program", "shortfall_estimate", "outbox_event");
        count(counts, "projection", "scenario");
        return counts;
    }

    private void count(Map<String, Long> counts, String database, String... tables) throws SQLException {
        try (Connection connection = stack.database(database); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet row = statement.executeQuery("select count(*) from " + table)) {
                    row.next();
                    counts.put(database + "." + table, row.getLong(1));
                }
            }
        }
    }

    private Map<TopicPartition, Long> offsets() {
        List<String> all = new ArrayList<>(Observation.INPUT_TOPICS);
        all.add(ScoreTopics.SCORES);
        return topics.endOffsets(all);
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, count) -> {
            if (!count.equals(before.get(table))) {
                changed.add(table + " " + before.get(table) + " -> " + count);
            }
        });
        return String.join(", ", changed);
    }

    private String key() {
        return "chaos-corpus-" + run + "-" + UUID.randomUUID();
    }

    private static String describe(Http.Answer answer) {
        return answer == null ? "no answer" : answer.describe();
    }

    private static byte[] mutated(Target target, Consumer<ObjectNode> change) {
        ObjectNode body = Http.JSON.valueToTree(target.body());
        change.accept(body);
        try {
            return Http.JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] json(Object body) {
        return Http.toJson(body).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static Map<String, Object> map(Object... entries) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], entries[i + 1]);
        }
        return map;
    }

    private Map<String, Object> investor() {
        return map("name", "Corpus investor " + run + " " + UUID.randomUUID(), "kind", "CORPORATE", "country", "US");
    }

    private static Map<String, Object> commitment(String investor) {
        return map("investorId", investor, "amountUsd", new BigDecimal("1000000000.00"), "purpose", "FABS", "status", "PLEDGED",
                "announcedOn", "2023-06-01", "sources", List.of(SOURCE));
    }

    private Map<String, Object> fab() {
        return map("name", "Corpus fab " + run + " " + UUID.randomUUID(), "operator", "TSMC", "country", "US", "region", "US",
                "nodeClass", "LEADING_EDGE", "capacityWafersPerMonth", 20_000, "capexUsd", new BigDecimal("12000000000.00"),
                "announcedOn", "2023-01-01", "originalProductionDate", "2027-12-31", "sources", List.of(SOURCE));
    }

    private Map<String, Object> pool() {
        return map("region", ("CORPUS" + UUID.randomUUID()).replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT),
                "role", "ENGINEER", "asOfYear", 2023, "headcount", 2_000,
                "annualPipeline", 300L, "attritionRate", new BigDecimal("0.0500"), "sources", List.of(SOURCE));
    }

    private Map<String, Object> program() {
        return map("name", "Corpus program " + run + " " + UUID.randomUUID(), "region", "US", "role", "TECHNICIAN",
                "workersPerYear", 500L, "startYear", 2025, "endYear", 2028, "fundingUsd", new BigDecimal("25000000.00"), "source", SOURCE);
    }

    private static Map<String, Object> estimate() {
        return map("region", "US", "targetYear", 2030, "shortfall", 20_000L, "demand", 120_000L, "source", SOURCE);
    }
}
