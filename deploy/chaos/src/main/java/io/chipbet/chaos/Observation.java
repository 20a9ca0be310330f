package io.chipbet.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipbet.platform.contract.fab.FabTopics;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.contract.score.ScoreTopics;
import io.chipbet.platform.contract.talent.TalentTopics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the invariants are checked against, read once the system settled: the four databases as they
 * are (facts, change journals, outboxes, the projection's stored states and version), every record on the
 * topics, the services' health and the projection's answer.
 */
final class Observation {

    static final List<String> INPUT_TOPICS = List.of(FundingTopics.COMMITMENTS, FabTopics.PROJECTS, TalentTopics.POOLS);
    static final String DEAD_LETTERS = "chipbet.projection.dead-letter.v1";
    static final String CONSUMER_GROUP = "projection-service";

    /** Which database and topic each producer owns. */
    static final Map<String, String> DATABASE = Map.of("funding-service", "funding", "fab-service", "fab", "talent-service", "talent");
    static final Map<String, String> TOPIC = Map.of("funding-service", FundingTopics.COMMITMENTS, "fab-service", FabTopics.PROJECTS,
            "talent-service", TalentTopics.POOLS);

    /** A fact in a producer's database: the aggregate and the version it is at. */
    record Fact(String service, String aggregateType, UUID id, long version) {
    }

    /** A row of an outbox: the event a committed change wrote. */
    record OutboxRow(String service, UUID eventId, String topic, UUID aggregateId, long version, boolean published) {
    }

    /**
     * A domain event as it sits on a topic. {@code aggregateId} is null where the aggregate is not named by a UUID
     * (the answer's plan id).
     */
    record Event(Topics.Record record, UUID eventId, String type, String aggregateType, UUID aggregateId, long version, JsonNode data) {
    }

    /** The projection's stored state of one aggregate. */
    record Stored(String aggregateType, UUID id, long version, UUID eventId, JsonNode data) {
    }

    final Map<UUID, Fact> facts = new HashMap<>();
    /** "id:version" of every change the producers' journals hold; programs and estimates are their own row, at version 1. */
    final Set<String> journal = new HashSet<>();
    final Map<String, Integer> journalEntries = new HashMap<>();
    final Set<UUID> investors = new HashSet<>();
    final Map<UUID, OutboxRow> outbox = new HashMap<>();
    final Map<String, Long> unpublished = new LinkedHashMap<>();
    final Map<UUID, Stored> projection = new HashMap<>();
    long projectionScoreVersion;
    final List<Event> events = new ArrayList<>();
    final List<Topics.Record> notEvents = new ArrayList<>();
    final List<Event> scores = new ArrayList<>();
    final List<Topics.Record> deadLetters = new ArrayList<>();
    final Map<String, Long> lag = new LinkedHashMap<>();
    /** Service name -> "UP", or what it answered. */
    final Map<String, String> health = new LinkedHashMap<>();
    /** Replica name -> its answer as served. */
    final Map<String, JsonNode> answers = new LinkedHashMap<>();
    /**
     * Why the system has not settled yet, or null once it has: outboxes drained, no consumer lag, every service
     * UP, the projection at every producer's version and nothing else, every replica serving the stored answer,
     * simulated.
     */
    String unsettled() {
        List<String> why = new ArrayList<>();
        unpublished.forEach((service, count) -> {
            if (count != 0) {
                why.add(service + " outbox " + count);
            }
        });
        lag.forEach((topic, behind) -> {
            if (behind != 0) {
                why.add("lag " + behind + " on " + topic);
            }
        });
        health.forEach((service, state) -> {
            if (!state.equals("UP")) {
                why.add(service + " " + state);
            }
        });
        long behind = facts.values().stream().filter(fact -> {
            Stored stored = projection.get(fact.id());
            return stored == null || stored.version() != fact.version();
        }).count();
        if (behind > 0 || projection.size() != facts.size()) {
            why.add(behind + " aggregates not at their version in the projection (" + projection.size() + " stored, " + facts.size() + " facts)");
        }
        answers.forEach((replica, answer) -> {
            if (answer.path("version").asLong() != projectionScoreVersion) {
                why.add(replica + " serves version " + answer.path("version").asLong() + " of " + projectionScoreVersion);
            }
            if (!answer.path("simulation").path("current").asBoolean(false)) {
                why.add(replica + " answer not simulated yet");
            }
        });
        return why.isEmpty() ? null : String.join("; ", why);
    }

    /** Source states by id, as the producers' own list APIs serve them (null until read). */
    Map<UUID, JsonNode> sourceStates;

    /**
     * Reads the databases, the consumer lag, the health checks and the answers; with {@code withTopics} also every
     * record on the topics. The source states come with {@link #readSourceStates} (a few hundred requests).
     */
    static Observation read(Stack stack, Topics topics, boolean withTopics) throws SQLException {
        Observation seen = new Observation();
        try (Connection funding = stack.database("funding"); Statement statement = funding.createStatement()) {
            facts(seen, statement, "funding-service", FundingTopics.AGGREGATE, "select id, version from commitment");
            journal(seen, statement, "select aggregate_id, version from commitment_change");
            try (ResultSet rows = statement.executeQuery("select id from investor")) {
                while (rows.next()) {
                    seen.investors.add(rows.getObject(1, UUID.class));
                }
            }
            outbox(seen, statement, "funding-service");
        }
        try (Connection fab = stack.database("fab"); Statement statement = fab.createStatement()) {
            facts(seen, statement, "fab-service", FabTopics.AGGREGATE, "select id, version from fab");
            journal(seen, statement, "select aggregate_id, version from fab_change");
            outbox(seen, statement, "fab-service");
        }
        try (Connection talent = stack.database("talent"); Statement statement = talent.createStatement()) {
            facts(seen, statement, "talent-service", TalentTopics.POOL, "select id, version from talent_pool");
            facts(seen, statement, "talent-service", TalentTopics.PROGRAM, "select id, 1 from training_program");
            facts(seen, statement, "talent-service", TalentTopics.ESTIMATE, "select id, 1 from shortfall_estimate");
            journal(seen, statement, "select aggregate_id, version from talent_pool_change");
            journal(seen, statement, "select id, 1 from training_program");
            journal(seen, statement, "select id, 1 from shortfall_estimate");
            outbox(seen, statement, "talent-service");
        }
        try (Connection projection = stack.database("projection"); Statement statement = projection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select aggregate_type, aggregate_id, version, event_id, event from aggregate_state")) {
                while (rows.next()) {
                    JsonNode event = Http.JSON.readTree(rows.getString(5));
                    UUID id = rows.getObject(2, UUID.class);
                    seen.projection.put(id, new Stored(rows.getString(1), id, rows.getLong(3), rows.getObject(4, UUID.class), event.path("data")));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("a stored event is no JSON", e);
            }
            try (ResultSet rows = statement.executeQuery("select coalesce(max(version), 0) from score_version")) {
                rows.next();
                seen.projectionScoreVersion = rows.getLong(1);
            }
            outbox(seen, statement, "projection-service");
        }
        seen.lag.putAll(topics.lag(CONSUMER_GROUP, INPUT_TOPICS));
        for (String service : stack.serviceNames()) {
            seen.health.put(service, health(stack.url(service)));
        }
        for (String replica : stack.projections()) {
            try {
                seen.answers.put(replica, Http.getJson(stack.url(replica) + "/api/v1/feasibility"));
            } catch (RuntimeException e) {
                seen.health.put(replica, "no answer: " + e.getMessage());
            }
        }
        if (!withTopics) {
            return seen;
        }
        for (Topics.Record record : topics.readAll(INPUT_TOPICS)) {
            Event event = parse(record);
            if (event == null || event.aggregateId() == null) {
                seen.notEvents.add(record);
            } else {
                seen.events.add(event);
            }
        }
        for (Topics.Record record : topics.readAll(List.of(ScoreTopics.SCORES))) {
            Event event = parse(record);
            if (event != null) {
                seen.scores.add(event);
            }
        }
        seen.deadLetters.addAll(topics.readAll(List.of(DEAD_LETTERS)));
        return seen;
    }

    /**
     * The producers' current states, through their own list APIs, page by page (the largest page they allow).
     */
    void readSourceStates(Stack stack) {
        Map<UUID, JsonNode> states = new HashMap<>();
        paged(states, stack.url("funding-service") + "/api/v1/commitments");
        paged(states, stack.url("fab-service") + "/api/v1/fabs");
        for (String path : List.of("/api/v1/talent-pools", "/api/v1/training-programs", "/api/v1/shortfall-estimates")) {
            paged(states, stack.url("talent-service") + path);
        }
        sourceStates = states;
    }

    private static void paged(Map<UUID, JsonNode> states, String url) {
        int pages = 1;
        for (int page = 0; page < pages; page++) {
            JsonNode listing = Http.getJson(url + "?size=100&page=" + page);
            pages = listing.path("totalPages").asInt();
            listing.path("items").forEach(state -> states.put(UUID.fromString(state.path("id").asText()), state));
        }
    }

    /** An event of ours, or null for a record that is not one (the suite's poison, or anything else). */
    static Event parse(Topics.Record record) {
        try {
            JsonNode json = Http.JSON.readTree(record.value());
            if (json == null || !json.isObject() || !json.path("eventId").isTextual() || !json.path("aggregateVersion").isIntegralNumber()) {
                return null;
            }
            UUID aggregateId;
            try {
                aggregateId = UUID.fromString(json.path("aggregateId").asText());
            } catch (IllegalArgumentException e) {
                aggregateId = null;
            }
            return new Event(record, UUID.fromString(json.path("eventId").asText()), json.path("type").asText(),
                    json.path("aggregateType").asText(), aggregateId, json.path("aggregateVersion").asLong(), json.path("data"));
        } catch (Exception e) {
            return null;
        }
    }

    private static String health(String url) {
        try {
            Http.Answer answer = Http.get(url + "/q/health");
            return answer.status() == 200 && "UP".equals(answer.json().path("status").asText()) ? "UP" : answer.describe();
        } catch (Exception e) {
            return "no answer: " + e.getMessage();
        }
    }

    private static void facts(Observation seen, Statement statement, String service, String type, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                UUID id = rows.getObject(1, UUID.class);
                seen.facts.put(id, new Fact(service, type, id, rows.getLong(2)));
            }
        }
    }

    private static void journal(Observation seen, Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                String entry = rows.getObject(1, UUID.class) + ":" + rows.getLong(2);
                seen.journal.add(entry);
                seen.journalEntries.merge(entry, 1, Integer::sum);
            }
        }
    }

    private static void outbox(Observation seen, Statement statement, String service) throws SQLException {
        long unpublished = 0;
        try (ResultSet rows = statement.executeQuery(
                "select event_id, topic, aggregate_id, aggregate_version, published_at is not null from outbox_event")) {
            while (rows.next()) {
                UUID eventId = rows.getObject(1, UUID.class);
                boolean published = rows.getBoolean(5);
                unpublished += published ? 0 : 1;
                if (!service.equals("projection-service")) {
                    seen.outbox.put(eventId, new OutboxRow(service, eventId, rows.getString(2), UUID.fromString(rows.getString(3)),
                            rows.getLong(4), published));
                }
            }
        }
        seen.unpublished.put(service, unpublished);
    }
}
