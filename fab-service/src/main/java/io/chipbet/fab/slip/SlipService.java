package io.chipbet.fab.slip;

import io.chipbet.fab.fab.FabRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** How late fabs run, from every fab whose slip can be observed. */
@ApplicationScoped
public class SlipService {

    @Inject FabRepository fabs;

    @WithSession
    public Uni<SlipStatistics> statistics() {
        return fabs.withObservableSlip().map(all -> SlipCalculator.of(all.stream()
                .map(fab -> new SlipCalculator.Observation(fab.operator, fab.region, fab.slipMonths()))
                .toList()));
    }
}
