package io.chipbet.talent.estimate;

import io.chipbet.platform.aggregate.AggregateWrites;
import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.idempotency.WriteRequest;
import io.chipbet.platform.idempotency.Written;
import io.chipbet.talent.Regions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


/** The shortfall estimate use cases. An estimate is kept as published and never changes, so it keeps no history. */
@ApplicationScoped
public class ShortfallEstimateService {

    @Inject ShortfallEstimateRepository estimates;
    @Inject AggregateWrites writes;

    @WithTransaction
    public Uni<Written> publish(NewShortfallEstimate request, WriteRequest write) {
        return writes.create(write, request, estimates, new ShortfallEstimate(), estimate -> estimate.publish(request), null);
    }

    @WithSession
    public Uni<Page<ShortfallEstimateState>> search(String region, Integer targetYear, PageRequest paging) {
        return estimates.search(region == null ? null : Regions.code(region), targetYear, paging)
                .map(found -> found.map(ShortfallEstimate::toState));
    }
}
