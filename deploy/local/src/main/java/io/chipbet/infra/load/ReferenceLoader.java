package io.chipbet.infra.load;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loads a data file through the services' own REST APIs, so every fact takes the real event path.
 * Loading twice changes nothing: creations carry Idempotency-Keys, and a change is sent only if its
 * target has not reached the version that change produces.
 */
public final class ReferenceLoader {

    /** Where each kind of record is created, and the service base URL it lives on. */
    private record Kind(String collection, String service) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "investors", new Kind("/api/v1/investors", "funding"),
            "commitments", new Kind("/api/v1/commitments", "funding"),
            "fabs", new Kind("/api/v1/fabs", "fab"),
            "talentPools", new Kind("/api/v1/talent-pools", "talent"),
            "trainingPrograms", new Kind("/api/v1/training-programs", "talent"),
            "shortfallEstimates", new Kind("/api/v1/shortfall-estimates", "talent"),
            "scenarios", new Kind("/api/v1/scenarios", "projection"));
    // Fabs before commitments: a commitment may name the fabs it funds.
    private static final String[] ORDER = {"investors", "fabs", "commitments", "talentPools", "trainingPrograms", "shortfallEstimates"};
    /** Change kinds: the sub-resource they post to. */
    private static final Map<String, String> CHANGES = Map.of(
            "status-change", "status-changes", "revision", "revisions", "milestone", "milestones",
            "delay", "delays", "update", "updates");

    private final Api api;
    private final Map<String, String> baseUrls;
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, String> urls = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();

    /** @param baseUrls service name (funding, fab, talent) to its base URL */
    public ReferenceLoader(String token, Map<String, String> baseUrls) {
        this.api = new Api(token);
        this.baseUrls = baseUrls;
    }

    public record Result(int sent, int alreadyThere) {
    }

    /** What a loader tells while it works; each call comes after the fact or kind it names. */
    public interface Progress {
        /** One fact done: {@code done} of {@code total}; {@code sent} unless it was there already. */
        default void fact(int done, int total, boolean sent) {
        }

        /** One kind done (a collection such as {@code investors}, or {@code changes}), with its counts. */
        default void kind(String kind, int sent, int alreadyThere, int done, int total) {
        }
    }

    /** Loads {@code file}, telling {@code progress} one line per kind, e.g. {@code [ 8/47] investors: 0 sent, 8 already there}. */
    public Result load(Path file, Consumer<String> progress) throws IOException {
        return load(file, new Progress() {
            @Override
            public void kind(String kind, int sent, int alreadyThere, int done, int total) {
                progress.accept(describe(kind, sent, alreadyThere, done, total));
            }
        });
    }

    /** The line {@link #load(Path, Consumer)} prints for a kind. */
    public static String describe(String kind, int sent, int alreadyThere, int done, int total) {
        int width = String.valueOf(total).length();
        return String.format("[%" + width + "d/%d] %s: %d sent, %d already there", done, total, kind, sent, alreadyThere);
    }

    /** How many facts {@code file} holds: its records and its changes. */
    public static int count(Path file) throws IOException {
        JsonObject data = read(file);
        int total = 0;
        for (String kind : ORDER) {
            total += data.getJsonArray(kind) == null ? 0 : data.getJsonArray(kind).size();
        }
        return total + (data.getJsonArray("changes") == null ? 0 : data.getJsonArray("changes").size())
                + (data.getJsonArray("scenarios") == null ? 0 : data.getJsonArray("scenarios").size());
    }

    public Result load(Path file, Progress progress) throws IOException {
        JsonObject data = read(file);
        int total = count(file);
        int done = 0;
        int sent = 0;
        int already = 0;
        for (String kind : ORDER) {
            JsonArray records = data.getJsonArray(kind) == null ? JsonValue.EMPTY_JSON_ARRAY : data.getJsonArray(kind);
            if (records.isEmpty()) {
                continue;
            }
            int kindSent = 0;
            for (JsonValue value : records) {
                boolean created = create(kind, value.asJsonObject());
                kindSent += created ? 1 : 0;
                progress.fact(++done, total, created);
            }
            sent += kindSent;
            already += records.size() - kindSent;
            progress.kind(kind, kindSent, records.size() - kindSent, done, total);
        }
        JsonArray changes = data.getJsonArray("changes") == null ? JsonValue.EMPTY_JSON_ARRAY : data.getJsonArray("changes");
        int changesSent = 0;
        for (JsonValue value : changes) {
            boolean applied = change(value.asJsonObject());
            changesSent += applied ? 1 : 0;
            progress.fact(++done, total, applied);
        }
        sent += changesSent;
        already += changes.size() - changesSent;
        if (!changes.isEmpty()) {
            progress.kind("changes", changesSent, changes.size() - changesSent, done, total);
        }
        // Scenarios last: they name facts, by key, that are then all on record.
        JsonArray scenarios = data.getJsonArray("scenarios") == null ? JsonValue.EMPTY_JSON_ARRAY : data.getJsonArray("scenarios");
        int scenariosSent = 0;
        for (JsonValue value : scenarios) {
            boolean created = create("scenarios", withFactIds(value.asJsonObject()));
            scenariosSent += created ? 1 : 0;
            progress.fact(++done, total, created);
        }
        sent += scenariosSent;
        already += scenarios.size() - scenariosSent;
        if (!scenarios.isEmpty()) {
            progress.kind("scenarios", scenariosSent, scenarios.size() - scenariosSent, done, total);
        }
        return new Result(sent, already);
    }

    /** The header that carries when a fact became known (platform's NewsDate). */
    static final String NEWS_DATE = "Chipbet-News-Date";

    /** A fact's news date: its source's date ("reportedOn"), else the date it was announced on, else none (today). */
    private static java.util.Optional<String> newsDate(JsonObject fact, String announcedOn) {
        if (fact.containsKey("reportedOn")) {
            return java.util.Optional.of(fact.getString("reportedOn"));
        }
        return java.util.Optional.ofNullable(announcedOn);
    }

    /** A scenario's changes name facts by key ("fab": "intel-ohio-1"); the API takes their ids ("fabId"). */
    private JsonObject withFactIds(JsonObject scenario) {
        if (!scenario.containsKey("changes")) {
            return scenario;
        }
        JsonArrayBuilder changes = Json.createArrayBuilder();
        for (JsonValue value : scenario.getJsonArray("changes")) {
            JsonObjectBuilder change = Json.createObjectBuilder(value.asJsonObject());
            for (String[] reference : new String[][] {{"fab", "fabs", "fabId"}, {"commitment", "commitments", "commitmentId"}}) {
                if (value.asJsonObject().containsKey(reference[0])) {
                    String key = reference[1] + ":" + value.asJsonObject().getString(reference[0]);
                    if (!ids.containsKey(key)) {
                        throw new IllegalStateException("Scenario " + scenario.getString("key") + " names unknown " + key);
                    }
                    change.remove(reference[0]).add(reference[2], ids.get(key));
                }
            }
            changes.add(change);
        }
        return Json.createObjectBuilder(scenario).add("changes", changes).build();
    }

    private static JsonObject read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return Json.createReader(reader).readObject();
        }
    }

    private boolean create(String kind, JsonObject record) {
        String key = kind + ":" + record.getString("key");
        JsonObjectBuilder body = Json.createObjectBuilder(record).remove("key").remove("about");
        if (record.containsKey("investor")) {
            body.remove("investor").add("investorId", ids.get("investors:" + record.getString("investor")));
        }
        if (record.containsKey("fundedFabs")) {
            JsonArrayBuilder fabIds = Json.createArrayBuilder();
            for (JsonValue fab : record.getJsonArray("fundedFabs")) {
                String fabKey = "fabs:" + ((JsonString) fab).getString();
                if (!ids.containsKey(fabKey)) {
                    throw new IllegalStateException(key + " funds unknown " + fabKey);
                }
                fabIds.add(ids.get(fabKey));
            }
            body.remove("fundedFabs").add("fundedFabIds", fabIds);
        }
        Kind target = KINDS.get(kind);
        String collection = baseUrls.get(target.service()) + target.collection();
        body.remove("reportedOn");
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Idempotency-Key", "reference:" + key));
        newsDate(record, record.containsKey("announcedOn") ? record.getString("announcedOn") : null)
                .ifPresent(date -> headers.put(NEWS_DATE, date));
        Api.Reply reply = api.post(collection, body.build(), headers);
        boolean created = reply.status() == 201 && !reply.replayed();
        if (reply.status() == 409 && kind.equals("investors")) {
            reply = findInvestor(collection, record.getString("name"));
        } else if (reply.status() != 201) {
            throw new IllegalStateException("Loading " + key + " failed with " + reply.status() + ": " + reply.body());
        }
        String id = reply.object().getString("id");
        ids.put(key, id);
        urls.put(key, collection + "/" + id);
        versions.put(key, 1L);
        return created;
    }

    /** The investor of that name, paging through the listing (a page of 100 at a time) until it is found. */
    private Api.Reply findInvestor(String collection, String name) {
        int pages = 1;
        for (int page = 0; page < pages; page++) {
            JsonObject listing = api.get(collection + "?size=100&page=" + page).object();
            pages = listing.getInt("totalPages");
            for (JsonValue investor : listing.getJsonArray("items")) {
                if (investor.asJsonObject().getString("name").equalsIgnoreCase(name)) {
                    return new Api.Reply(200, investor, null, false);
                }
            }
        }
        throw new IllegalStateException("Investor " + name + " exists, yet is not listed");
    }

    /** Sends a change unless its target already has the version this change would give it. */
    private boolean change(JsonObject change) {
        String key = change.getString("on");
        if (!urls.containsKey(key)) {
            throw new IllegalStateException("A change refers to unknown " + key);
        }
        long produces = versions.merge(key, 1L, Long::sum);
        Api.Reply current = api.get(urls.get(key));
        if (current.version() >= produces) {
            return false;
        }
        String path = urls.get(key) + "/" + CHANGES.get(change.getString("kind"));
        Map<String, String> headers = new java.util.HashMap<>(Map.of("If-Match", current.etag()));
        newsDate(change, null).ifPresent(date -> headers.put(NEWS_DATE, date));
        Api.Reply reply = api.post(path, change.getJsonObject("body"), headers);
        if (reply.status() != 200) {
            throw new IllegalStateException("Change " + change.getString("kind") + " on " + key + " failed with "
                    + reply.status() + ": " + reply.body());
        }
        return true;
    }
}
