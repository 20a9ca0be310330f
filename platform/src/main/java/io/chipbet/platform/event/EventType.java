package io.chipbet.platform.event;

/**
 * One type of domain event: its name on the wire (the envelope's {@code type}, the end of
 * {@code ce_type}), the stream it goes to, and what it means. Each producer's types are an enum in
 * {@code io.chipbet.platform.contract}: that enum is the one place its event types are named. The
 * JSON Schemas and the AsyncAPI document are generated from these enums and the contract records.
 */
public interface EventType<S> {

    /** What a type is; an enum constant holds one and answers the rest from it. */
    record Definition<S>(String wireName, EventStream<S> stream, String description) {
    }

    Definition<S> definition();

    /** The {@code type} on the wire, e.g. {@code FabDelayed}. Never changes once published. */
    default String wireName() {
        return definition().wireName();
    }

    default EventStream<S> stream() {
        return definition().stream();
    }

    /** When it happens and what its {@code changes} name: for the schemas, the AsyncAPI document and the docs. */
    default String description() {
        return definition().description();
    }

    /**
     * The schema of its data, relative to {@code schemas/events}, generated from the contract record.
     * Types whose data is the producer's own (projection-service's) name their hand-written schemas instead.
     */
    default String dataSchema() {
        return EventSchemaNames.stateSchema(stream());
    }

    /** The event's own schema (the envelope, strict, with this type and this data), relative to {@code schemas/events}. */
    default String eventSchema() {
        return EventSchemaNames.folder(stream()) + "/" + wireName() + ".schema.json";
    }
}
