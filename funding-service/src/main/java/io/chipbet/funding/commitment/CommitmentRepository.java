package io.chipbet.funding.commitment;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CommitmentRepository implements PanacheRepositoryBase<Commitment, UUID> {

    /** Locks the row until the transaction ends: concurrent changes queue instead of overwriting each other. */
    public Uni<Commitment> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
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
}
