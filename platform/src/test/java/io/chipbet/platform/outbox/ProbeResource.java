package io.chipbet.platform.outbox;

import io.chipbet.platform.event.DomainEvent;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes a probe and its event in one transaction, optionally failing after both were written. */
@Path("/test/probes")
public class ProbeResource {

    static final String TOPIC = "chipbet.test.probes.v1";

    private final Outbox outbox;

    public ProbeResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @POST
    @Path("/{id}")
    @WithTransaction
    public Uni<String> create(@PathParam("id") UUID id, @QueryParam("failAfterWrite") boolean failAfterWrite) {
        Probe probe = new Probe();
        probe.id = id;
        probe.name = "probe " + id;
        DomainEvent event = DomainEvent.of("ProbeCreated", "probe", id, 1, "test", List.of(), Map.of("name", probe.name));
        return probe.persist()
                .chain(() -> outbox.append(TOPIC, event))
                .invoke(() -> {
                    if (failAfterWrite) {
                        throw new IllegalStateException("fails after the entity and its event were written");
                    }
                })
                .replaceWith(id.toString());
    }
}
