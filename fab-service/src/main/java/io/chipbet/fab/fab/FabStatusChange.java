package io.chipbet.fab.fab;

import io.chipbet.platform.api.SaneDate;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.fab.FabStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "A move to another status on a date: a stage reached, or a pause, a resumption or a cancellation. "
        + "UNDER_CONSTRUCTION sets constructionStartOn and VOLUME_PRODUCTION sets actualProductionDate.")
public record FabStatusChange(
        @Schema(examples = "UNDER_CONSTRUCTION") @NotNull FabStatus status,
        @Schema(examples = "2021-04-01") @NotNull @PastOrPresent @SaneDate LocalDate reachedOn,
        @NotNull @Valid SourceRef source,
        @Size(max = 10000) String note) {
}
