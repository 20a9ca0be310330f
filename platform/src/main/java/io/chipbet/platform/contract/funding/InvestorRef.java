package io.chipbet.platform.contract.funding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** The investor as carried inside every commitment, so that consumers need no second topic. */
public record InvestorRef(@NotNull UUID id, @NotBlank String name, @NotNull InvestorKind kind, @NotBlank String country) {
}
