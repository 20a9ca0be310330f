package io.chipbet.fab.fab;

import io.chipbet.platform.aggregate.AggregateRepository;
import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.fab.NodeClass;
import io.chipbet.platform.persistence.Where;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class FabRepository implements AggregateRepository<Fab> {

    @Override
    public String aggregateName() {
        return "Fab";
    }

    public record Filter(String operator, String country, String region, FabStatus status, NodeClass nodeClass) {
    }

    /** Newest announcements first; the id breaks ties so that pages never overlap. */
    public Uni<Page<Fab>> search(Filter filter, PageRequest paging) {
        Where where = new Where().and("lower(operator) = lower(:operator)", "operator", filter.operator())
                .and("country = upper(:country)", "country", filter.country())
                .and("region = :region", "region", filter.region())
                .and("status = :status", "status", filter.status())
                .and("nodeClass = :nodeClass", "nodeClass", filter.nodeClass());
        return paging.of(find("from Fab " + where + "order by announcedOn desc, id", where.parameters()));
    }

    /** Every fab whose slip can be observed: it has a first promise and is not cancelled. */
    public Uni<List<Fab>> withObservableSlip() {
        return list("originalProductionDate is not null and status <> ?1", FabStatus.CANCELLED);
    }
}
