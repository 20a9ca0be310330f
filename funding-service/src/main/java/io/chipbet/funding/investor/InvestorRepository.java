package io.chipbet.funding.investor;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InvestorRepository implements PanacheRepositoryBase<Investor, UUID> {

    public Uni<Investor> findByName(String name) {
        return find("nameKey", Investor.keyOf(name)).firstResult();
    }

    public Uni<List<Investor>> listByName() {
        return list("order by nameKey, id");
    }
}
