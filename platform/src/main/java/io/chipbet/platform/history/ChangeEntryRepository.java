package io.chipbet.platform.history;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/** Persistence of one service's history entries: an aggregate's history, written once. */
public interface ChangeEntryRepository<E extends ChangeEntry> extends PanacheRepositoryBase<E, UUID> {

    /** One aggregate's history, oldest first (by version, unique within it), a page at a time. */
    default Uni<Page<E>> history(UUID aggregateId, PageRequest paging) {
        return paging.of(find("aggregateId = ?1 order by version", aggregateId));
    }
}
