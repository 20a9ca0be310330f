package io.chipbet.projection.leadership;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Which role this replica plays: both serve reads, so both are ready; the data says which one writes. */
@Readiness
@ApplicationScoped
public class LeadershipHealth implements HealthCheck {

    private final Leadership leadership;

    public LeadershipHealth(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("projection-leadership").up()
                .withData("role", leadership.isLeader() ? "leader" : "follower")
                .withData("instance", leadership.instance())
                .withData("epoch", leadership.epoch())
                .build();
    }
}
