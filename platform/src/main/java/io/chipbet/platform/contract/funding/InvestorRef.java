package io.chipbet.platform.contract.funding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.UUID;

/** The investor as carried inside every commitment, so that consumers need no second topic. */
public record InvestorRef(@NotNull UUID id, @NotBlank String name, @NotNull InvestorKind kind, @NotBlank @Pattern(regexp = "[A-Z]{2}") String country) {
}
