package io.chipbet.talent.estimate;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ShortfallEstimateRepository implements PanacheRepositoryBase<ShortfallEstimate, UUID> {

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
