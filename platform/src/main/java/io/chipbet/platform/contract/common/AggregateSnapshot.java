package io.chipbet.platform.contract.common;

import java.util.UUID;

/**
 * The full state of one aggregate, as the {@code data} of its events carries it. Its id is the
 * event's {@code aggregateId} (and the record key), and its version the event's
 * {@code aggregateVersion}: a consumer rejects an event where they differ.
 */
public interface AggregateSnapshot {

    UUID id();

    long version();
}
