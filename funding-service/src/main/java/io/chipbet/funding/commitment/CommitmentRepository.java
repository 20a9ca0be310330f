package io.chipbet.funding.commitment;

import io.chipbet.platform.aggregate.AggregateRepository;
import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.persistence.Where;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CommitmentRepository implements AggregateRepository<Commitment> {

    @Override
    public String aggregateName() {
        return "Commitment";
    }

    /** Newest announcements first; the id breaks ties so that pages never overlap. */
    public Uni<Page<Commitment>> search(UUID investorId, CommitmentStatus status, Purpose purpose, PageRequest paging) {
        Where where = new Where().and("investor.id = :investorId", "investorId", investorId)
                .and("status = :status", "status", status).and("purpose = :purpose", "purpose", purpose);
        return paging.of(find("from Commitment " + where + "order by announcedOn desc, id", where.parameters()));
    }

    /** Count, amount and disbursement by status and purpose, summed in the database. */
    public Uni<List<Object[]>> totalsByStatusAndPurpose() {
        return getSession().chain(session -> session.createSelectionQuery("""
                select c.status, c.purpose, count(c), sum(c.amountUsd), sum(c.disbursedUsd)
                from Commitment c group by c.status, c.purpose""", Object[].class).getResultList());
    }
}
