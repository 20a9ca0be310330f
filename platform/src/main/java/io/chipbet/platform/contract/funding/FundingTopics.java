package io.chipbet.platform.contract.funding;

/** funding-service's topic and event types. The schemas are in {@code schemas/events/funding}. */
public final class FundingTopics {

    /** Keyed by commitment id; every value is a DomainEvent whose data is a {@link CommitmentState}. */
    public static final String COMMITMENTS = "chipbet.funding.commitments.v1";

    public static final String AGGREGATE = "commitment";
    public static final String COMMITMENT_RECORDED = "CommitmentRecorded";
    public static final String COMMITMENT_STATUS_CHANGED = "CommitmentStatusChanged";
    public static final String COMMITMENT_REVISED = "CommitmentRevised";
    public static final String COMMITMENT_WITHDRAWN = "CommitmentWithdrawn";

    private FundingTopics() {
    }
}
