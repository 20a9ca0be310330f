package io.chipbet.platform.contract.funding;

import io.chipbet.platform.event.EventStream;

/** funding-service's topic; its event types are {@link CommitmentEvent}. The schemas are in {@code schemas/events/funding}. */
public final class FundingTopics {

    /** Keyed by commitment id; every value is a DomainEvent whose data is a {@link CommitmentState}. */
    public static final String COMMITMENTS = "chipbet.funding.commitments.v1";

    public static final String AGGREGATE = "commitment";

    public static final EventStream<CommitmentState> COMMITMENT_EVENTS = new EventStream<>(COMMITMENTS, AGGREGATE, CommitmentState.class);

    private FundingTopics() {
    }
}
