package io.chipbet.talent.pool;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TalentPoolChangeRepository implements PanacheRepositoryBase<TalentPoolChange, UUID> {

    public Uni<List<TalentPoolChange>> history(UUID poolId) {
        return list("aggregateId = ?1 order by version", poolId);
    }
}
