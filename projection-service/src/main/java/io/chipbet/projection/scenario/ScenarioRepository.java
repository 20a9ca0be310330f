package io.chipbet.projection.scenario;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ScenarioRepository implements PanacheRepositoryBase<Scenario, UUID> {

    Uni<List<Scenario>> ordered() {
        return list("order by createdAt, id");
    }

    Uni<List<UUID>> declaredIn(String namespace) {
        return list("source = ?1 and sourceNamespace = ?2", Scenario.KUBERNETES, namespace)
                .map(declared -> declared.stream().map(scenario -> scenario.id).toList());
    }

    /** The scenario, locked for the rest of the transaction. */
    Uni<Scenario> lock(UUID id) {
        return findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }
}
