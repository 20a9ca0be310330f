package io.chipbet.projection.scenario;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a scenario is: its name, why it is asked, and how it differs from the record (assumptions, hypothetical changes). */
@Schema(name = "ScenarioSpec", description = "A what-if on the live record: assumptions set differently, and hypothetical changes to the facts")
public record ScenarioSpec(
        @Schema(examples = "Intel Ohio slips two more years") @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @Valid ScenarioOverrides overrides,
        @Size(max = 50) List<@Valid @NotNull ScenarioChange> changes) {

    List<ScenarioChange> changesOrNone() {
        return changes == null ? List.of() : changes;
    }
}
