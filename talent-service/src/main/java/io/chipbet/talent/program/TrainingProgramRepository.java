package io.chipbet.talent.program;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TrainingProgramRepository implements PanacheRepositoryBase<TrainingProgram, UUID> {

    /** Sorted by region, role (all roles first), start year, then id: pages never overlap. */
    public Uni<Page<TrainingProgram>> search(String region, PageRequest paging) {
        return paging.of(region == null ? find("order by region, role nulls first, startYear, id")
                : find("region = ?1 order by region, role nulls first, startYear, id", region));
    }

    public Uni<List<TrainingProgram>> search(String region) {
        return region == null ? list("order by region, role, startYear, id")
                : list("region = ?1 order by role, startYear, id", region);
    }
}
