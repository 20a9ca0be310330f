package io.chipbet.fab.fab;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FabChangeRepository implements PanacheRepositoryBase<FabChange, UUID> {

    public Uni<List<FabChange>> timeline(UUID fabId) {
        return list("aggregateId = ?1 order by version", fabId);
    }
}
