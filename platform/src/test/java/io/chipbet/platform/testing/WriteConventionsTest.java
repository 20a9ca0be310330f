package io.chipbet.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.infra.testing.TestInfrastructure;
import io.chipbet.platform.problem.Problem;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static io.chipbet.platform.testing.Api.anyone;
import static io.chipbet.platform.testing.Api.asEditor;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every chipbet write endpoint promises about its input: whatever the client sends, the answer is
 * a 2xx or a 4xx problem+json that names what is wrong, never a 5xx and never a silent coercion; and a
 * write retried with its {@code Idempotency-Key} happens once. A service's test class extends this, is
 * a {@code @QuarkusTest}, and lists its write endpoints, each with a body it accepts.
 *
 * <p>Each test sends every variation and reports every failure at once, so one run shows all that is wrong.
 */
public abstract class WriteConventionsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String TYPE_BASE = Problem.TYPE_BASE;
    private static final String KEY = "Idempotency-Key";
    private static final Pattern UUID_SEGMENT = Pattern.compile("/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One write endpoint.
     *
     * @param name      what it does, for failure messages
     * @param target    creates what the write applies to, if anything, and returns the path to POST to; an
     *                  update's target is new, at version 1
     * @param body      a body the endpoint accepts on a new target; fields the API treats as decimals are
     *                  BigDecimal, integers Integer or Long, dates YYYY-MM-DD strings
     * @param variation fields that, put into the body, make another request that is just as valid
     * @param topic     where its events go, keyed by the aggregate's id; null if it publishes none
     */
    public record Write(String name, Supplier<String> target, Supplier<Map<String, Object>> body,
                        Map<String, Object> variation, String topic) {

        Map<String, Object> variedBody() {
            Map<String, Object> varied = new HashMap<>(body.get());
            varied.putAll(variation);
            return varied;
        }
    }

    /** Every write endpoint of the service; the first creates in a collection that can be listed with a GET. */
    protected abstract List<Write> writes();

    @Test
    void aNulCharacterInAnyTextIsRefusedNamingTheField() {
        refusesEvery("a NUL", leaf -> leaf.isText() ? List.of(leaf.value() + "\u0000") : List.of());
    }

    @Test
    void aValueOfAnotherJsonTypeIsRefusedNotCoerced() {
        refusesEvery("another JSON type", WriteConventionsTest::otherJsonTypes);
    }

    @Test
    void aDateOutsideTheSaneRangeOrImpossibleIsRefusedNamingTheField() {
        refusesEvery("a bad date", leaf -> leaf.isDate() ? List.of("+5874898-01-01", "+999999999-12-31", "-999999999-01-01",
                "1899-12-31", "2201-01-01", "2023-02-30", "2024-02-08T00:00:00", "") : List.of());
    }

    @Test
    void aNumberThatDoesNotFitItsColumnIsRefusedNamingTheField() {
        refusesEvery("a number too large or too precise", WriteConventionsTest::notFitting);
    }

    /** {@code "1"} for a number, {@code 1} for a text, {@code 1.5} for an integer, a scalar for an object... */
    private static List<Object> otherJsonTypes(JsonBodies.Leaf leaf) {
        if (leaf.isText()) {
            return List.of(1, 2.5, true, Map.of(), List.of(leaf.value()));
        }
        if (leaf.isInteger()) {
            return List.of(leaf.value().toString(), 1.5, true, List.of(leaf.value()));
        }
        if (leaf.isDecimal()) {
            return List.of(leaf.value().toString(), true, List.of(leaf.value()));
        }
        if (leaf.value() instanceof Map<?, ?>) {
            return List.of("text", 1, List.of(leaf.value()));
        }
        return leaf.value() instanceof List<?> ? List.of("text", 1) : List.of();
    }

    /** Five decimals fit no column of chipbet's (money keeps two, rates four); 10^30 fits none either. */
    private static List<Object> notFitting(JsonBodies.Leaf leaf) {
        if (leaf.isDecimal()) {
            return List.of(((BigDecimal) leaf.value()).add(new BigDecimal("0.00001")), new BigDecimal("1E+30"));
        }
        if (leaf.isInteger()) {
            return leaf.value() instanceof Integer
                    ? List.of(new BigDecimal("1E+30"), new BigInteger("100000000000000000000"), 2_147_483_648L)
                    : List.of(new BigDecimal("1E+30"), new BigInteger("100000000000000000000"));
        }
        return List.of();
    }

    /**
     * For each write and each value of its body, sends the body with the value replaced by each of its
     * variations: every one must be a 400 problem naming that value's field.
     */
    private void refusesEvery(String what, Function<JsonBodies.Leaf, List<Object>> variations) {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Write write : writes()) {
            String path = write.target().get();
            Map<String, Object> body = write.body().get();
            for (JsonBodies.Leaf leaf : JsonBodies.leaves(body)) {
                for (Object variation : variations.apply(leaf)) {
                    check(failures, write, leaf, "given " + JSON.valueToTree(variation),
                            post(path, JsonBodies.with(body, leaf.path(), variation)), leaf.field());
                    sent++;
                }
            }
        }
        System.out.printf("%s: %d bodies with %s sent, %d not refused as they must be%n",
                ConfigProvider.getConfig().getValue("quarkus.application.name", String.class), sent, what, failures.size());
        assertNoFailures(failures);
    }

    @Test
    void anUnknownFieldIsRefusedNamingIt() {
        List<String> failures = new ArrayList<>();
        for (Write write : writes()) {
            String path = write.target().get();
            Map<String, Object> body = write.body().get();
            check(failures, write, null, "with an unknown field", post(path, withField(body, List.of(), "unexpected")), "unexpected");
            for (JsonBodies.Leaf leaf : JsonBodies.leaves(body)) {
                if (leaf.value() instanceof Map<?, ?>) {
                    check(failures, write, leaf, "with an unknown field in it",
                            post(path, withField(body, leaf.path(), "unexpected")), leaf.field() + ".unexpected");
                }
            }
        }
        assertNoFailures(failures);
    }

    /** Bad syntax is malformed-json, a bad value is validation, as bean validation's own: both 400, both chipbet's. */
    @Test
    void malformedJsonAndWrongTypesAnswerProblemsOfOneScheme() {
        List<String> failures = new ArrayList<>();
        for (Write write : writes()) {
            String path = write.target().get();
            String valid = toJson(write.body().get());
            for (String malformed : List.of("{\"", "{\"a\" 1}", "not json", valid + " trailing", valid.replaceFirst("\\{", "{\"x\":1,\"x\":2,"))) {
                Response response = request().body(malformed).post(path);
                if (response.statusCode() != 400 || !isProblem(response)
                        || !(TYPE_BASE + "malformed-json").equals(response.path("type"))) {
                    failures.add(write.name() + " " + truncate(malformed) + ": " + describe(response));
                }
            }
            Response validation = request().body("{}").post(path);
            Response wrongType = request().body("[]").post(path);
            for (Response response : List.of(validation, wrongType)) {
                if (response.statusCode() != 400 || !isProblem(response) || !(TYPE_BASE + "validation").equals(response.path("type"))
                        || !"Invalid request".equals(response.path("title"))) {
                    failures.add(write.name() + " with no or a wrongly typed value: " + describe(response));
                }
            }
        }
        assertNoFailures(failures);
    }

    /**
     * A body over the 10 MB limit is refused before it is read, as Quarkus does, but as a problem: Quarkus's
     * own refusal is a bare 413 with no body (found by the fault suite's bad-input corpus).
     */
    @Test
    void aBodyOverTheSizeLimitGets413Problem() throws Exception {
        // java.net.http reads the answer a server sends before the body is through; RestAssured's client
        // would only see the closed connection.
        Write write = writes().get(0);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + write.target().get()))
                .header("Authorization", "Bearer " + io.chipbet.infra.security.Tokens.forTests().editor())
                .header("Content-Type", "application/json")
                .header(KEY, "too-large-" + UUID.randomUUID())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"" + "x".repeat(11 << 20) + "\"}"))
                .build();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(response.statusCode() == 413 && type.startsWith(PROBLEM) && response.body().contains(TYPE_BASE + "body-too-large"),
                write.name() + " with an 11 MB body: " + response.statusCode() + " " + type + " " + response.body());
    }

    /**
     * A client that pauses while it sends an over-limit body still reads the 413: the server drains what
     * comes before it closes. Closing with unread bytes would send a reset that destroys the answer in the
     * client's buffer, which made the test above flaky in CI.
     */
    @Test
    void a413SurvivesAClientThatIsStillSending() throws Exception {
        Write write = writes().get(0);
        try (java.net.Socket socket = new java.net.Socket(URI.create(io.restassured.RestAssured.baseURI).getHost(),
                io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            String head = "POST " + write.target().get() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + io.chipbet.infra.security.Tokens.forTests().editor() + "\r\n"
                    + "Content-Type: application/json\r\n" + KEY + ": too-large-" + UUID.randomUUID() + "\r\n"
                    + "Content-Length: " + (11 << 20) + "\r\n\r\n";
            out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(new byte[1 << 20]);
            out.flush();
            Thread.sleep(500); // the server has answered by now; the bytes above are still unread on its side
            out.write(new byte[1 << 20]);
            out.flush();
            byte[] start = socket.getInputStream().readNBytes(12);
            assertTrue(new String(start, java.nio.charset.StandardCharsets.US_ASCII).equals("HTTP/1.1 413"),
                    write.name() + ": " + new String(start, java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aPathIdThatIsNotAUuidGetsA4xxProblem() {
        List<String> failures = new ArrayList<>();
        for (String bad : List.of("%22not%20a%20uuid%22", "it's%20%3Cnot%3E", "%00", "%25zz")) {
            for (Write write : writes()) {
                String path = write.target().get();
                Matcher id = UUID_SEGMENT.matcher(path);
                List<String> tried = new ArrayList<>(List.of((id.find() ? path.substring(0, id.start()) : path) + "/" + bad));
                if (id.reset().find()) {
                    tried.add(id.replaceFirst("/" + bad));
                }
                for (String badPath : tried) {
                    for (Response response : List.of(anyone().urlEncodingEnabled(false).get(badPath),
                            request().urlEncodingEnabled(false).body(write.body().get()).post(badPath))) {
                        if (response.statusCode() < 400 || response.statusCode() >= 500 || !isProblem(response)
                                || !isUri(response.path("instance"))) {
                            failures.add(write.name() + " " + badPath + ": " + describe(response));
                        }
                    }
                }
            }
        }
        assertNoFailures(failures);
    }

    @Test
    void anIdempotencyKeyThatIsBlankTooLongOrHugeGets400NamingTheHeader() {
        List<String> failures = new ArrayList<>();
        for (Write write : writes()) {
            String path = write.target().get();
            for (String key : List.of("", "   ", "k".repeat(256), "k".repeat(30 * 1024))) {
                Response response = request().header(KEY, key).body(write.body().get()).post(path);
                if (response.statusCode() != 400 || !isProblem(response) || !fieldsOf(response).contains(KEY)) {
                    failures.add(write.name() + " with a key of " + key.length() + " characters: " + describe(response));
                }
            }
        }
        assertNoFailures(failures);
    }

    @Test
    void aWriteRetriedWithItsIdempotencyKeyIsReplayedAndHappensOnce() {
        List<String> failures = new ArrayList<>();
        for (Write write : writes()) {
            String path = write.target().get();
            String key = "retry-" + UUID.randomUUID();
            Map<String, Object> body = write.body().get();
            Response first = request().header(KEY, key).body(body).post(path);
            if (first.statusCode() / 100 != 2) {
                failures.add(write.name() + " first attempt: " + describe(first));
                continue;
            }
            Response retry = request().header(KEY, key).body(body).post(path);
            if (retry.statusCode() != first.statusCode() || !tree(retry).equals(tree(first))
                    || !"true".equals(retry.header("Idempotent-Replayed"))
                    || !String.valueOf(first.header("ETag")).equals(String.valueOf(retry.header("ETag")))) {
                failures.add(write.name() + " retried: " + describe(retry) + " after " + describe(first));
            }
            Response reused = request().header(KEY, key).body(write.variedBody()).post(path);
            if ((reused.statusCode() != 422 && reused.statusCode() != 409) || !isProblem(reused)) {
                failures.add(write.name() + " with the key of another body: " + describe(reused));
            }
            eventsMatchVersion(failures, write, first);
        }
        assertNoFailures(failures);
    }

    /** PostgreSQL stopped under the service: 503 with Retry-After, and a retry with the key once it is back lands once. */
    @Test
    void duringADatabaseOutageWritesAnswer503AndARetryWithTheKeyLandsOnce() {
        Assumptions.assumeTrue(TestInfrastructure.controlsServers(), "the database is not this JVM's to stop");
        List<Write> writes = writes();
        List<String> paths = writes.stream().map(write -> write.target().get()).toList();
        List<Map<String, Object>> bodies = writes.stream().map(write -> write.body().get()).toList();
        List<String> keys = writes.stream().map(write -> "outage-" + UUID.randomUUID()).toList();
        List<String> failures = new ArrayList<>();
        TestInfrastructure.stopPostgres();
        try {
            for (int i = 0; i < writes.size(); i++) {
                Response response = request().header(KEY, keys.get(i)).body(bodies.get(i)).post(paths.get(i));
                if (response.statusCode() != 503 || !isProblem(response) || response.header("Retry-After") == null) {
                    failures.add(writes.get(i).name() + " with the database down: " + describe(response));
                }
            }
            Response read = anyone().get(paths.get(0));
            if (read.statusCode() != 503 || !isProblem(read) || read.header("Retry-After") == null) {
                failures.add("a read with the database down: " + describe(read));
            }
        } finally {
            TestInfrastructure.startPostgres();
        }
        for (int i = 0; i < writes.size(); i++) {
            Response landed = retryUntilAnswered(paths.get(i), keys.get(i), bodies.get(i));
            if (landed.statusCode() / 100 != 2) {
                failures.add(writes.get(i).name() + " retried once the database is back: " + describe(landed));
            } else {
                eventsMatchVersion(failures, writes.get(i), landed);
            }
        }
        assertNoFailures(failures);
    }

    /** Retries, as a client told Retry-After would, until the answer is no longer 503. */
    private Response retryUntilAnswered(String path, String key, Map<String, Object> body) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Response response;
        do {
            response = request().header(KEY, key).body(body).post(path);
            if (response.statusCode() == 503) {
                sleep(Duration.ofMillis(500));
            }
        } while (response.statusCode() == 503 && System.nanoTime() < deadline);
        return response;
    }

    /**
     * Each version of an aggregate is one event: as many distinct events as the version says, one per
     * version. (The relay may publish an event twice across an outage; the copy has the same eventId.)
     */
    private static void eventsMatchVersion(List<String> failures, Write write, Response answer) {
        String id = answer.path("id");
        Object version = answer.path("version");
        if (write.topic() == null || id == null || !(version instanceof Number)) {
            return;
        }
        int expected = ((Number) version).intValue();
        try (EventTopic topic = new EventTopic(write.topic())) {
            topic.awaitKey(id, expected, PATIENCE);
            Map<String, Long> versionByEvent = new HashMap<>();
            topic.settle(record -> id.equals(record.key()), Duration.ofSeconds(1)).forEach(record -> {
                JsonNode event = tree(record.value());
                versionByEvent.put(event.get("eventId").asText(), event.get("aggregateVersion").asLong());
            });
            List<Long> versions = versionByEvent.values().stream().sorted().toList();
            List<Long> oneEach = LongStream.rangeClosed(1, expected).boxed().toList();
            if (!versions.equals(oneEach)) {
                failures.add(write.name() + ": events of versions " + versions + " for " + id + " at version " + expected);
            }
        }
    }

    private static Response post(String path, Object body) {
        return request().body(body).post(path);
    }

    /** An editor's request; If-Match "1" is what an update of a new target needs, and a create ignores. */
    private static RequestSpecification request() {
        return asEditor().header("If-Match", Api.etag(1));
    }

    private static void check(List<String> failures, Write write, JsonBodies.Leaf leaf, String how, Response response, String field) {
        if (response.statusCode() != 400 || !isProblem(response) || !fieldsOf(response).contains(field)) {
            failures.add(write.name() + " " + (leaf == null ? "" : leaf.field() + " ") + how + ": " + describe(response));
        }
    }

    /** The fields a problem names in its violations; none if it is no problem. */
    private static List<Object> fieldsOf(Response response) {
        List<Object> fields = isProblem(response) ? response.jsonPath().getList("violations.field") : null;
        return fields == null ? List.of() : fields;
    }

    private static Map<String, Object> withField(Map<String, Object> body, List<Object> path, String field) {
        if (path.isEmpty()) {
            Map<String, Object> copy = new HashMap<>(body);
            copy.put(field, "surprise");
            return copy;
        }
        Object node = body;
        for (Object step : path) {
            node = step instanceof Integer index ? ((List<?>) node).get(index) : ((Map<?, ?>) node).get(step);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = new HashMap<>((Map<String, Object>) node);
        inner.put(field, "surprise");
        return JsonBodies.with(body, path, inner);
    }

    private static boolean isProblem(Response response) {
        return response.contentType() != null && response.contentType().startsWith(PROBLEM);
    }

    private static boolean isUri(Object instance) {
        if (!(instance instanceof String text)) {
            return false;
        }
        try {
            URI.create(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonNode tree(Response response) {
        return tree(response.asString());
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Response response) {
        return response.statusCode() + " " + response.contentType() + " " + truncate(response.asString());
    }

    private static String truncate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static void assertNoFailures(List<String> failures) {
        assertTrue(failures.isEmpty(), failures.size() + " failure(s):\n" + String.join("\n", failures));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
