package io.chipbet.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.platform.event.DomainEvent;
import io.chipbet.platform.persistence.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Appends domain events to the outbox, inside the transaction that makes the change: the event then
 * exists exactly when the change does. Called outside a transaction it fails at once
 * ({@link Transactions#required}). Nothing here talks to Kafka.
 */
@ApplicationScoped
public class Outbox {

    /**
     * The PostgreSQL NOTIFY channel (not a Kafka one) that the relay LISTENs on: the outbox table's trigger
     * (db/platform/R__outbox_notify.sql) notifies it on every insert, delivered when the transaction commits.
     */
    static final String NOTIFY_CHANNEL = "chipbet_outbox";

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
        return Transactions.required("Outbox.append").chain(session -> session.persist(row));
    }

    private String toJson(DomainEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.type() + " cannot be written as JSON", e);
        }
    }
}
