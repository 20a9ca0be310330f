package io.chipbet.funding.commitment;

import io.chipbet.platform.aggregate.AggregateRepository;
import io.chipbet.platform.api.Page;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CommitmentRepository implements AggregateRepository<Commitment> {

    @Override
    public String aggregateName() {
        return "Commitment";
    }

    /** Newest announcements first; the id breaks ties so that pages never overlap. */
    public Uni<Page<Commitment>> search(UUID investorId, CommitmentStatus status, Purpose purpose, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (investorId != null) {
            conditions.add("investor.id = :investorId");
            parameters.and("investorId", investorId);
        }
        if (status != null) {
            conditions.add("status = :status");
            parameters.and("status", status);
        }
        if (purpose != null) {
            conditions.add("purpose = :purpose");
            parameters.and("purpose", purpose);
        }
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions) + " ";
        var query = find("from Commitment " + where + "order by announcedOn desc, id", parameters.map())
                .page(io.quarkus.panache.common.Page.of(page, size));
        return query.list().chain(items -> query.count().map(total -> Page.of(items, page, size, total)));
    }

    /** Count, amount and disbursement by status and purpose, summed in the database. */
    public Uni<List<Object[]>> totalsByStatusAndPurpose() {
        return getSession().chain(session -> session.createSelectionQuery("""
                select c.status, c.purpose, count(c), sum(c.amountUsd), sum(c.disbursedUsd)
                from Commitment c group by c.status, c.purpose""", Object[].class).getResultList());
    }
}
