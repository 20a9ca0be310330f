package io.chipbet.fab.fab;

import io.chipbet.platform.api.SaneDate;
import io.chipbet.platform.contract.common.SourceRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "A new, later planned production date, with its reason and source. The slip is derived.")
public record Delay(
        @Schema(examples = "2025-01-01") @NotNull @SaneDate LocalDate plannedProductionDate,
        @Schema(examples = "Shortage of skilled installers") @NotBlank @Size(max = 2000) String reason,
        @NotNull @Valid SourceRef source) {
}
