package io.chipbet.talent.program;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TrainingProgramRepository implements PanacheRepositoryBase<TrainingProgram, UUID> {

    public Uni<List<TrainingProgram>> search(String region) {
        return region == null ? list("order by region, role, startYear, id")
                : list("region = ?1 order by role, startYear, id", region);
    }
}
