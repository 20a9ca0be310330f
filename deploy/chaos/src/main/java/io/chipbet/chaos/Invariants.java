package io.chipbet.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipbet.projection.model.Point;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * I1-I6 of issue 11, checked against an {@link Observation} of the settled system and the ledger of every
 * write acknowledged so far (all runs, not only the last: a fault must not harm what came before it).
 */
final class Invariants {

    /** What the suite produced straight onto an input topic, and must find dead-lettered (I6). */
    record Poison(String topic, int partition, long offset, byte[] value, String what) {
    }

    /** The figures of one check, and every violation found, each naming its invariant. */
    static final class Verdict {
        int acknowledged;
        int counted;
        int duplicates;
        int redelivered;
        int orphans;
        int deadLettered;
        final List<String> failures = new ArrayList<>();

        void fail(String invariant, String what) {
            failures.add(invariant + ": " + what);
        }
    }

    private static final int SHOWN = 5;

    private Invariants() {
    }

    static Verdict check(String run, List<Workload.Ack> ledger, Observation seen, List<Poison> poison,
                         Recomputation recomputation) {
        Verdict verdict = new Verdict();
        Map<UUID, Long> expected = new HashMap<>();
        Set<UUID> investors = new HashSet<>();
        for (Workload.Ack ack : ledger) {
            if (ack.aggregateType().equals("investor")) {
                investors.add(ack.id());
            } else {
                expected.merge(ack.id(), ack.version(), Math::max);
            }
        }

        Set<String> poisoned = new HashSet<>();
        poison.forEach(p -> poisoned.add(p.topic() + "/" + p.partition() + "/" + p.offset()));

        // Events by (aggregate, version): distinct eventIds, and how many copies of each. The suite's own poison is
        // no event of a producer's, however well-formed: I6 looks for it in the dead letters.
        Map<String, Set<UUID>> eventIdsByVersion = new HashMap<>();
        Map<UUID, Integer> copies = new HashMap<>();
        Map<UUID, Observation.Event> byEventId = new HashMap<>();
        for (Observation.Event event : seen.events) {
            if (poisoned.contains(event.record().topic() + "/" + event.record().partition() + "/" + event.record().offset())) {
                continue;
            }
            eventIdsByVersion.computeIfAbsent(event.aggregateId() + ":" + event.version(), key -> new HashSet<>()).add(event.eventId());
            copies.merge(event.eventId(), 1, Integer::sum);
            byEventId.putIfAbsent(event.eventId(), event);
        }
        // ---- I1: every acknowledged write is in its database, on its topic, and counted once.
        Problems i1 = new Problems("I1", verdict);
        for (Workload.Ack ack : ledger) {
            boolean ok;
            if (ack.aggregateType().equals("investor")) {
                ok = seen.investors.contains(ack.id());
                if (!ok) {
                    i1.add("investor " + ack.id() + " (key " + ack.key() + ") was acknowledged but is not in the funding database");
                }
            } else {
                ok = checkAck(ack, expected.get(ack.id()), seen, eventIdsByVersion, i1);
            }
            if (ack.run().equals(run)) {
                verdict.acknowledged++;
                verdict.counted += ok ? 1 : 0;
            }
        }
        i1.report();

        // Duplicates: two different events for one version of one aggregate. Redelivered: copies of one event.
        for (Map.Entry<String, Set<UUID>> entry : eventIdsByVersion.entrySet()) {
            if (entry.getValue().size() > 1) {
                verdict.duplicates++;
            }
        }
        verdict.redelivered = copies.values().stream().mapToInt(n -> n - 1).sum();

        // ---- I2: no event without its committed fact, no fact without its event.
        Problems i2 = new Problems("I2", verdict);
        for (Observation.Event event : byEventId.values()) {
            Observation.OutboxRow row = seen.outbox.get(event.eventId());
            if (row == null || !row.aggregateId().equals(event.aggregateId()) || row.version() != event.version()
                    || !row.topic().equals(event.record().topic())) {
                verdict.orphans++;
                i2.add("event " + event.eventId() + " (" + event.type() + " " + event.aggregateId() + " v" + event.version() + " on "
                        + event.record().topic() + ") has no committed outbox row of its own");
            } else if (!seen.journal.contains(event.aggregateId() + ":" + event.version())) {
                verdict.orphans++;
                i2.add("event " + event.eventId() + " names " + event.aggregateId() + " v" + event.version() + ", which no journal holds");
            }
        }
        Map<UUID, List<Long>> outboxVersions = new HashMap<>();
        Set<UUID> onTopics = byEventId.keySet();
        for (Observation.OutboxRow row : seen.outbox.values()) {
            outboxVersions.computeIfAbsent(row.aggregateId(), id -> new ArrayList<>()).add(row.version());
            if (row.published() && !onTopics.contains(row.eventId())) {
                i2.add("outbox row " + row.eventId() + " of " + row.service() + " is marked published but is not on " + row.topic());
            }
        }
        for (Observation.Fact fact : seen.facts.values()) {
            List<Long> versions = outboxVersions.getOrDefault(fact.id(), List.of()).stream().sorted().toList();
            List<Long> oneEach = new ArrayList<>();
            for (long v = 1; v <= fact.version(); v++) {
                oneEach.add(v);
            }
            if (!versions.equals(oneEach)) {
                i2.add(fact.aggregateType() + " " + fact.id() + " is at version " + fact.version() + " but its outbox holds events of versions "
                        + versions);
            }
            Long acknowledged = expected.get(fact.id());
            if (acknowledged == null || fact.version() > acknowledged) {
                verdict.orphans++;
                i2.add(fact.aggregateType() + " " + fact.id() + " is at version " + fact.version() + " in its database, but only "
                        + (acknowledged == null ? "no write" : "version " + acknowledged) + " was acknowledged: a write landed that was not answered 2xx");
            }
        }
        for (UUID investor : seen.investors) {
            if (!investors.contains(investor)) {
                verdict.orphans++;
                i2.add("investor " + investor + " is in the funding database, but no write of it was acknowledged");
            }
        }
        if (seen.sourceStates != null) {
            Map<UUID, Observation.Event> latest = new HashMap<>();
            for (Observation.Event event : byEventId.values()) {
                Observation.Fact fact = seen.facts.get(event.aggregateId());
                if (fact != null && fact.version() == event.version()) {
                    latest.put(event.aggregateId(), event);
                }
            }
            for (Observation.Fact fact : seen.facts.values()) {
                Observation.Event event = latest.get(fact.id());
                JsonNode state = seen.sourceStates.get(fact.id());
                if (state == null) {
                    i2.add(fact.aggregateType() + " " + fact.id() + " is in its database but not in its service's listing");
                } else if (event != null && !same(event.data(), state)) {
                    i2.add("the event of " + fact.aggregateType() + " " + fact.id() + " v" + fact.version() + " does not carry the stored state: "
                            + difference(event.data(), state));
                }
            }
        }
        i2.report();

        // ---- I3: the projection equals a recomputation from the sources alone.
        Problems i3 = new Problems("I3", verdict);
        for (Observation.Fact fact : seen.facts.values()) {
            Observation.Stored stored = seen.projection.get(fact.id());
            if (stored == null) {
                i3.add(fact.aggregateType() + " " + fact.id() + " v" + fact.version() + " is not in the projection");
            } else if (stored.version() != fact.version() || !stored.aggregateType().equals(fact.aggregateType())) {
                i3.add(fact.aggregateType() + " " + fact.id() + " is at v" + fact.version() + " in its database, "
                        + stored.aggregateType() + " v" + stored.version() + " in the projection");
            } else if (seen.sourceStates != null && seen.sourceStates.get(fact.id()) != null
                    && !same(stored.data(), seen.sourceStates.get(fact.id()))) {
                i3.add("the projection's state of " + fact.aggregateType() + " " + fact.id() + " is not its service's: "
                        + difference(stored.data(), seen.sourceStates.get(fact.id())));
            }
        }
        for (Observation.Stored stored : seen.projection.values()) {
            if (!seen.facts.containsKey(stored.id())) {
                verdict.orphans++;
                i3.add("the projection holds " + stored.aggregateType() + " " + stored.id() + " v" + stored.version()
                        + ", which no producer has (a phantom)");
            }
        }
        if (seen.sourceStates != null) {
            List<Map.Entry<String, JsonNode>> states = new ArrayList<>();
            Map<String, Integer> counts = new TreeMap<>();
            for (Observation.Fact fact : seen.facts.values()) {
                JsonNode state = seen.sourceStates.get(fact.id());
                if (state != null) {
                    states.add(new AbstractMap.SimpleEntry<>(fact.aggregateType(), state));
                }
                counts.merge(fact.aggregateType(), 1, Integer::sum);
            }
            for (Map.Entry<String, JsonNode> answer : seen.answers.entrySet()) {
                JsonNode served = answer.getValue();
                Point central = recomputation.central(states, LocalDate.parse(served.path("evaluatedOn").asText()));
                JsonNode path = served.path("centralPath");
                compare(i3, answer.getKey(), "deliverableWpm", central.deliverable(), path);
                compare(i3, answer.getKey(), "trackedWpm", central.tracked(), path);
                compare(i3, answer.getKey(), "buildableWpm", central.buildable(), path);
                compare(i3, answer.getKey(), "fabsWpm", central.fabs(), path);
                compare(i3, answer.getKey(), "capitalWpm", central.capital(), path);
                compare(i3, answer.getKey(), "talentWpm", central.talent(), path);
                JsonNode inputs = served.path("inputs");
                Map<String, Integer> servedCounts = new TreeMap<>(Map.of(
                        "commitment", inputs.path("commitments").asInt(), "fab", inputs.path("fabs").asInt(),
                        "talent-pool", inputs.path("talentPools").asInt(), "training-program", inputs.path("trainingPrograms").asInt(),
                        "shortfall-estimate", inputs.path("shortfallEstimates").asInt()));
                Map<String, Integer> sourceCounts = new TreeMap<>();
                servedCounts.keySet().forEach(type -> sourceCounts.put(type, counts.getOrDefault(type, 0)));
                if (!servedCounts.equals(sourceCounts)) {
                    i3.add(answer.getKey() + " counts " + servedCounts + ", the sources hold " + sourceCounts);
                }
            }
        }
        i3.report();

        // ---- I4: answer versions without gaps or repeats; the stored and served versions are the last published.
        Problems i4 = new Problems("I4", verdict);
        Map<Long, Set<UUID>> scoreVersions = new TreeMap<>();
        for (Observation.Event score : seen.scores) {
            scoreVersions.computeIfAbsent(score.version(), v -> new HashSet<>()).add(score.eventId());
        }
        long previous = 0;
        for (Map.Entry<Long, Set<UUID>> entry : scoreVersions.entrySet()) {
            if (entry.getKey() != previous + 1) {
                i4.add("answer versions jump from " + previous + " to " + entry.getKey() + " on the scores topic");
            }
            if (entry.getValue().size() > 1) {
                i4.add("answer version " + entry.getKey() + " was published as " + entry.getValue().size() + " different events");
            }
            previous = entry.getKey();
        }
        if (previous != seen.projectionScoreVersion) {
            i4.add("the last published answer is version " + previous + ", the projection's database holds " + seen.projectionScoreVersion);
        }
        for (Map.Entry<String, JsonNode> answer : seen.answers.entrySet()) {
            long served = answer.getValue().path("version").asLong();
            if (served != seen.projectionScoreVersion) {
                i4.add(answer.getKey() + " serves answer version " + served + ", its database holds " + seen.projectionScoreVersion);
            }
        }
        i4.report();

        // ---- I5: drained, caught up, healthy.
        Problems i5 = new Problems("I5", verdict);
        seen.unpublished.forEach((service, count) -> {
            if (count != 0) {
                i5.add(service + "'s outbox holds " + count + " unpublished events");
            }
        });
        seen.lag.forEach((topic, lag) -> {
            if (lag != 0) {
                i5.add("the projection's consumer group is " + lag + " records behind on " + topic);
            }
        });
        seen.health.forEach((service, health) -> {
            if (!health.equals("UP")) {
                i5.add(service + " health: " + health);
            }
        });
        i5.report();

        // ---- I6: every poisoned record is dead-lettered with its reason, byte for byte.
        Problems i6 = new Problems("I6", verdict);
        Map<String, Topics.Record> lettered = new HashMap<>();
        for (Topics.Record letter : seen.deadLetters) {
            lettered.put(letter.headers().get("dead-letter-topic") + "/" + letter.headers().get("dead-letter-partition") + "/"
                    + letter.headers().get("dead-letter-offset"), letter);
        }
        for (Poison record : poison) {
            Topics.Record letter = lettered.get(record.topic() + "/" + record.partition() + "/" + record.offset());
            if (letter == null) {
                i6.add(record.what() + " (" + record.topic() + "/" + record.partition() + "@" + record.offset() + ") is not in " + Observation.DEAD_LETTERS);
            } else if (letter.headers().getOrDefault("dead-letter-reason", "").isBlank()) {
                i6.add(record.what() + " is dead-lettered without a reason");
            } else if (!java.util.Arrays.equals(letter.value(), record.value())) {
                i6.add(record.what() + " is dead-lettered, but not byte for byte as it came");
            } else {
                verdict.deadLettered++;
            }
        }
        for (Topics.Record record : seen.notEvents) {
            if (!poisoned.contains(record.topic() + "/" + record.partition() + "/" + record.offset())) {
                i6.add("a record the suite did not produce, and no event, is on " + record.topic() + "@" + record.offset());
            }
        }
        i6.report();
        return verdict;
    }

    /** One acknowledged write against the sources, the topic and the projection; adds what is wrong. */
    private static boolean checkAck(Workload.Ack ack, long expected, Observation seen, Map<String, Set<UUID>> eventIdsByVersion,
                                    Problems problems) {
        String what = ack.kind() + " " + ack.id() + " v" + ack.version() + " (key " + ack.key() + ")";
        Observation.Fact fact = seen.facts.get(ack.id());
        if (fact == null) {
            problems.add(what + " was acknowledged but is not in " + Observation.DATABASE.get(ack.service()));
            return false;
        }
        boolean ok = true;
        if (fact.version() < expected) {
            problems.add(what + " was acknowledged up to v" + expected + " but its database holds v" + fact.version());
            ok = false;
        }
        int journaled = seen.journalEntries.getOrDefault(ack.id() + ":" + ack.version(), 0);
        if (journaled != 1) {
            problems.add(what + " is in its journal " + journaled + " times");
            ok = false;
        }
        Set<UUID> events = eventIdsByVersion.getOrDefault(ack.id() + ":" + ack.version(), Set.of());
        if (events.size() != 1) {
            problems.add(what + " is on " + Observation.TOPIC.get(ack.service()) + " as " + events.size() + " events");
            ok = false;
        }
        Observation.Stored stored = seen.projection.get(ack.id());
        if (stored == null || stored.version() < ack.version()) {
            problems.add(what + " is not counted: the projection holds " + (stored == null ? "nothing" : "v" + stored.version()));
            ok = false;
        } else if (stored.version() != fact.version()) {
            problems.add(what + ": the projection holds v" + stored.version() + ", its database v" + fact.version());
            ok = false;
        } else if (stored.version() == ack.version() && events.size() == 1 && !events.contains(stored.eventId())) {
            problems.add(what + ": the projection applied event " + stored.eventId() + ", the topic carries " + events);
            ok = false;
        }
        return ok;
    }

    private static void compare(Problems problems, String replica, String field, double recomputed, JsonNode path) {
        double served = path.path(field).asDouble(Double.NaN);
        if (!(Math.abs(served - recomputed) <= 1e-6 * Math.max(1, Math.abs(recomputed)))) {
            problems.add(replica + " serves centralPath." + field + " " + served + ", the sources give " + recomputed);
        }
    }

    /** JSON equality with numbers by value (1000.00 = 1000) and instants by the instant they name. */
    static boolean same(JsonNode a, JsonNode b) {
        return difference(a, b) == null;
    }

    /** The first place two JSON values differ, or null. */
    static String difference(JsonNode a, JsonNode b) {
        return difference("", a, b);
    }

    private static String difference(String path, JsonNode a, JsonNode b) {
        if (a == null || a.isMissingNode() || a.isNull()) {
            return b == null || b.isMissingNode() || b.isNull() ? null : path + ": null vs " + b;
        }
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0 ? null : path + ": " + a + " vs " + b;
        }
        if (a.isTextual() && b.isTextual()) {
            if (a.asText().equals(b.asText())) {
                return null;
            }
            try {
                return Instant.parse(a.asText()).equals(Instant.parse(b.asText())) ? null : path + ": " + a + " vs " + b;
            } catch (RuntimeException e) {
                return path + ": " + a + " vs " + b;
            }
        }
        if (a.isObject() && b.isObject()) {
            Set<String> fields = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(fields::add);
            b.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                String inner = difference(path + "." + field, a.get(field), b.get(field));
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return path + ": " + a.size() + " items vs " + b.size();
            }
            for (int i = 0; i < a.size(); i++) {
                String inner = difference(path + "[" + i + "]", a.get(i), b.get(i));
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        return Objects.equals(a, b) ? null : path + ": " + a + " vs " + b;
    }

    /** Violations of one invariant: counted in full, the first few shown. */
    private static final class Problems {
        private final String invariant;
        private final Verdict verdict;
        private final List<String> found = new ArrayList<>();
        private int total;

        Problems(String invariant, Verdict verdict) {
            this.invariant = invariant;
            this.verdict = verdict;
        }

        void add(String problem) {
            total++;
            if (found.size() < SHOWN) {
                found.add(problem);
            }
        }

        void report() {
            found.forEach(problem -> verdict.fail(invariant, problem));
            if (total > found.size()) {
                verdict.fail(invariant, (total - found.size()) + " more like these");
            }
        }
    }
}
