package io.chipbet.platform.contract.funding;

import io.chipbet.platform.event.EventType;

/** funding-service's event types, on {@link FundingTopics#COMMITMENTS}. The wire names never change. */
public enum CommitmentEvent implements EventType<CommitmentState> {

    RECORDED("CommitmentRecorded", "A commitment was recorded (POST /api/v1/commitments); version 1, changes empty."),
    STATUS_CHANGED("CommitmentStatusChanged", "A forward move, or a further disbursement; changes name status and disbursedUsd."),
    REVISED("CommitmentRevised", "The amount was revised (POST /api/v1/commitments/{id}/revisions); "
            + "changes name amountUsd, reportedAmount, reportedCurrency and sources."),
    WITHDRAWN("CommitmentWithdrawn", "The commitment was withdrawn, which is final; changes name status.");

    private final Definition<CommitmentState> definition;

    CommitmentEvent(String wireName, String description) { definition = new Definition<>(wireName, FundingTopics.COMMITMENT_EVENTS, description); }

    @Override
    public Definition<CommitmentState> definition() { return definition; }
}
