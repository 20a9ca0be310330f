package io.chipbet.fab.fab;

import io.chipbet.platform.aggregate.AggregateRepository;
import io.chipbet.platform.api.Page;
import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.fab.NodeClass;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
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
    public Uni<Page<Fab>> search(Filter filter, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.operator() != null) {
            conditions.add("lower(operator) = lower(:operator)");
            parameters.and("operator", filter.operator());
        }
        if (filter.country() != null) {
            conditions.add("country = upper(:country)");
            parameters.and("country", filter.country());
        }
        if (filter.region() != null) {
            conditions.add("region = :region");
            parameters.and("region", filter.region());
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.nodeClass() != null) {
            conditions.add("nodeClass = :nodeClass");
            parameters.and("nodeClass", filter.nodeClass());
        }
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions) + " ";
        var query = find("from Fab " + where + "order by announcedOn desc, id", parameters.map())
                .page(io.quarkus.panache.common.Page.of(page, size));
        return query.list().chain(items -> query.count().map(total -> Page.of(items, page, size, total)));
    }

    /** Every fab whose slip can be observed: it has a first promise and is not cancelled. */
    public Uni<List<Fab>> withObservableSlip() {
        return list("originalProductionDate is not null and status <> ?1", FabStatus.CANCELLED);
    }
}
