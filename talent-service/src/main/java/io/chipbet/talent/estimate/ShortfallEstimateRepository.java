package io.chipbet.talent.estimate;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.persistence.Where;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ShortfallEstimateRepository implements PanacheRepositoryBase<ShortfallEstimate, UUID> {

    /** Filters are optional; sorted by region, target year, role (all roles first), then id: pages never overlap. */
    public Uni<Page<ShortfallEstimate>> search(String region, Integer targetYear, PageRequest paging) {
        Where where = new Where().and("region = :region", "region", region).and("targetYear = :targetYear", "targetYear", targetYear);
        return paging.of(find("from ShortfallEstimate " + where + "order by region, targetYear, role nulls first, id", where.parameters()));
    }

    public Uni<List<ShortfallEstimate>> search(String region, Integer targetYear) {
        if (region != null && targetYear != null) {
            return list("region = ?1 and targetYear = ?2 order by role nulls first, id", region, targetYear);
        }
        if (region != null) {
            return list("region = ?1 order by targetYear, role nulls first, id", region);
        }
        return list("order by region, targetYear, role nulls first, id");
    }
}
