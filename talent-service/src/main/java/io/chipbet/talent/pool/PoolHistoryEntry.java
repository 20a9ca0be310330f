package io.chipbet.talent.pool;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.chipbet.platform.contract.common.SourceRef;

import java.time.Instant;

/** One change in a pool's history. */
public record PoolHistoryEntry(long version, String kind, @JsonRawValue String changes, String actor,
                               Instant recordedAt, SourceRef source, String note) {

    static PoolHistoryEntry of(TalentPoolChange change) {
        return new PoolHistoryEntry(change.version, change.kind, change.changes, change.actor, change.recordedAt,
                new SourceRef(change.sourceUrl, change.sourceTitle), change.note);
    }
}
