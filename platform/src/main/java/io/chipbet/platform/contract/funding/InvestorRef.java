package io.chipbet.platform.contract.funding;

import java.util.UUID;

/** The investor as carried inside every commitment, so that consumers need no second topic. */
public record InvestorRef(UUID id, String name, InvestorKind kind, String country) {
}
