package io.chipbet.talent.pool;

import io.chipbet.platform.aggregate.AggregateRepository;
import io.chipbet.platform.contract.talent.TalentRole;
import io.chipbet.platform.persistence.Where;
import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class TalentPoolRepository implements AggregateRepository<TalentPool> {

    @Override
    public String aggregateName() {
        return "Talent pool";
    }

    public Uni<TalentPool> find(String region, TalentRole role) {
        return role == null ? find("region = ?1 and role is null", region).firstResult()
                : find("region = ?1 and role = ?2", region, role).firstResult();
    }

    /** Filters are optional; sorted by region, role (all roles first), then id: pages never overlap. */
    public Uni<Page<TalentPool>> search(String region, TalentRole role, PageRequest paging) {
        Where where = new Where().and("region = :region", "region", region).and("role = :role", "role", role);
        return paging.of(find("from TalentPool " + where + "order by region, role nulls first, id", where.parameters()));
    }

    /** Filters are optional; sorted by region, role. */
    public Uni<List<TalentPool>> search(String region, TalentRole role) {
        if (region != null && role != null) {
            return list("region = ?1 and role = ?2 order by region, role", region, role);
        }
        if (region != null) {
            return list("region = ?1 order by region, role", region);
        }
        if (role != null) {
            return list("role = ?1 order by region, role", role);
        }
        return list("order by region, role");
    }
}
