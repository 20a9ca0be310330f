package io.chipbet.funding.commitment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CommitmentChangeRepository implements PanacheRepositoryBase<CommitmentChange, UUID> {

    public Uni<List<CommitmentChange>> history(UUID commitmentId) {
        return list("aggregateId = ?1 order by version", commitmentId);
    }
}
