package io.chipbet.fab.fab;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.event.FieldChange;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

@Schema(description = "One change in a fab's timeline")
public record TimelineEntry(
        long version,
        @Schema(examples = "FabDelayed") String kind,
        @Schema(nullable = true) FabStatus fromStatus,
        @Schema(nullable = true) FabStatus toStatus,
        @Schema(nullable = true, description = "When it took effect: a milestone's date, a delay's new planned date") LocalDate effectiveOn,
        @Schema(description = "Field by field, as in the event", type = SchemaType.ARRAY, implementation = FieldChange.class) @JsonRawValue String changes,
        String actor,
        Instant recordedAt,
        SourceRef source,
        @Schema(nullable = true) String note) {

    static TimelineEntry of(FabChange change) {
        return new TimelineEntry(change.version, change.kind, change.fromStatus, change.toStatus, change.effectiveOn,
                change.changes, change.actor, change.recordedAt, new SourceRef(change.sourceUrl, change.sourceTitle),
                change.note);
    }
}
