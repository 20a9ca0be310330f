package io.chipbet.projection.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An uncertain input as P10, P50 and P90, as the model samples it (docs/model.md). */
@Schema(description = "An uncertain input as P10 <= P50 <= P90")
public record Triple(@NotNull @DecimalMin("0") Double p10, @NotNull @DecimalMin("0") Double p50, @NotNull @DecimalMin("0") Double p90) {

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "must hold p10 <= p50 <= p90")
    public boolean isOrdered() {
        return p10 == null || p50 == null || p90 == null || (p10 <= p50 && p50 <= p90);
    }
}
