package io.chipbet.talent.program;

import io.chipbet.platform.contract.talent.TalentRole;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TrainingProgramRepository implements PanacheRepositoryBase<TrainingProgram, UUID> {

    public Uni<List<TrainingProgram>> forPool(String region, TalentRole role) {
        // A pool without a role counts every program of its region.
        return role == null ? list("region = ?1 order by startYear, id", region)
                : list("region = ?1 and role = ?2 order by startYear, id", region, role);
    }

    public Uni<List<TrainingProgram>> search(String region) {
        return region == null ? list("order by region, role, startYear, id")
                : list("region = ?1 order by role, startYear, id", region);
    }
}
