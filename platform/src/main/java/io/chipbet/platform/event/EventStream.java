package io.chipbet.platform.event;

/**
 * One kind of aggregate on one topic: where its events go (keyed by the aggregate's id), the
 * {@code aggregateType} they carry, and the type of their {@code data}.
 *
 * @param dataType the contract record their data is, or {@code Object} where the data is the
 *                 producer's own (projection-service's answer); see {@link EventType#dataSchema()}
 */
public record EventStream<S>(String topic, String aggregateType, Class<S> dataType) {
}
