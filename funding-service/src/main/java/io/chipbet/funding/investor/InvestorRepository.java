package io.chipbet.funding.investor;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class InvestorRepository implements PanacheRepositoryBase<Investor, UUID> {

    public Uni<Investor> findByName(String name) {
        return find("nameKey", Investor.keyOf(name)).firstResult();
    }

    /** Sorted by name (unique regardless of case), then id: pages never overlap. */
    public Uni<Page<Investor>> listByName(PageRequest paging) {
        return paging.of(find("order by nameKey, id"));
    }
}
