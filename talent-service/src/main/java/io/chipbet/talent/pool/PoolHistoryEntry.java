package io.chipbet.talent.pool;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.event.FieldChange;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One change in a pool's history. */
public record PoolHistoryEntry(long version, String kind,
                               @Schema(description = "Field by field, as in the event", type = SchemaType.ARRAY, implementation = FieldChange.class)
                               @JsonRawValue String changes, String actor,
                               Instant recordedAt, SourceRef source, @Schema(nullable = true) String note) {

    static PoolHistoryEntry of(TalentPoolChange change) {
        return new PoolHistoryEntry(change.version, change.kind, change.changes, change.actor, change.recordedAt,
                new SourceRef(change.sourceUrl, change.sourceTitle), change.note);
    }
}
