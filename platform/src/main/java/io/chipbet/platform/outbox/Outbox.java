package io.chipbet.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.platform.event.DomainEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.StringJoiner;

/**
 * Appends domain events to the outbox. Call it inside the transaction that makes the change: the
 * event then exists exactly when the change does. Nothing here talks to Kafka.
 */
@ApplicationScoped
public class Outbox {

    /** PostgreSQL delivers a NOTIFY only when its transaction commits: the relay's wake-up call. */
    static final String CHANNEL = "chipbet_outbox";

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> append(String topic, DomainEvent event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId();
        row.topic = topic;
        row.aggregateType = event.aggregateType();
        row.aggregateId = event.aggregateId();
        row.aggregateVersion = event.aggregateVersion();
        row.eventType = event.type();
        row.occurredAt = event.occurredAt();
        row.payload = toJson(event);
        return row.persist()
                .chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery("select pg_notify('" + CHANNEL + "', '')::text").getSingleResult())
                .replaceWithVoid();
    }

    /**
     * Appends many events in one statement and one notification: for a writer that emits events in
     * bulk (the projection's score changes). Rows take their ids from the sequence in list order.
     */
    public Uni<Void> appendAll(String topic, List<DomainEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringJoiner rows = new StringJoiner(", ");
        for (int i = 0; i < events.size(); i++) {
            rows.add("(nextval('outbox_event_seq'), cast(:e" + i + " as uuid), :topic, :t" + i + ", :a" + i + ", :v" + i
                    + ", :y" + i + ", :o" + i + ", :p" + i + ")");
        }
        String sql = "insert into outbox_event (id, event_id, topic, aggregate_type, aggregate_id, aggregate_version, "
                + "event_type, occurred_at, payload) values " + rows;
        return Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery(sql).setParameter("topic", topic);
            for (int i = 0; i < events.size(); i++) {
                DomainEvent event = events.get(i);
                insert.setParameter("e" + i, event.eventId().toString())
                        .setParameter("t" + i, event.aggregateType())
                        .setParameter("a" + i, event.aggregateId())
                        .setParameter("v" + i, event.aggregateVersion())
                        .setParameter("y" + i, event.type())
                        .setParameter("o" + i, event.occurredAt())
                        .setParameter("p" + i, toJson(event));
            }
            return insert.executeUpdate()
                    .chain(() -> session.createNativeQuery("select pg_notify('" + CHANNEL + "', '')::text").getSingleResult());
        }).replaceWithVoid();
    }

    private String toJson(DomainEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.type() + " cannot be written as JSON", e);
        }
    }
}
