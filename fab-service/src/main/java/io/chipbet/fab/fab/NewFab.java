package io.chipbet.fab.fab;

import io.chipbet.platform.api.CountryCode;
import io.chipbet.platform.api.SaneDate;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.fab.CustomerStatus;
import io.chipbet.platform.contract.fab.NodeClass;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(description = "A fab project to announce. It starts as ANNOUNCED; milestones move it on.")
public record NewFab(
        @Schema(examples = "TSMC Arizona Fab 21 phase 1") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "TSMC") @NotBlank @Size(max = 100) String operator,
        @Schema(examples = "Phoenix, Arizona") @Size(max = 200) String site,
        @Schema(examples = "US") @NotNull @CountryCode String country,
        @Schema(description = "Region code, as talent-service uses them (US, TW, KR, JP, EU, CN, ...)", examples = "US")
        @NotBlank @Size(max = 40) String region,
        @NotNull NodeClass nodeClass,
        @Schema(examples = "N4") @Size(max = 40) String processLabel,
        @Schema(examples = "12000000000") @PositiveOrZero @Digits(integer = 20, fraction = 2) BigDecimal capexUsd,
        @Schema(examples = "20000") @PositiveOrZero Integer capacityWafersPerMonth,
        @PositiveOrZero Integer operationsHeadcount,
        @PositiveOrZero Integer constructionPeakHeadcount,
        @Schema(description = "Whether a customer for the fab's output is reported; leave out when nothing is on record")
        CustomerStatus customerStatus,
        @Schema(examples = "2020-05-15") @NotNull @PastOrPresent @SaneDate LocalDate announcedOn,
        @Schema(description = "The first promised production date", examples = "2024-01-01") @SaneDate LocalDate originalProductionDate,
        @Schema(description = "The current plan; the original date if absent") @SaneDate LocalDate plannedProductionDate,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull SourceRef> sources) {
}
