package io.chipbet.platform.outbox;

import io.chipbet.platform.event.DomainEvent;
import io.chipbet.platform.event.FieldChange;
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
        probe.version = 1;
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

    @POST
    @Path("/{id}/renames/{name}")
    @WithTransaction
    public Uni<Long> rename(@PathParam("id") UUID id, @PathParam("name") String name) {
        return Probe.<Probe>findById(id).chain(probe -> {
            List<FieldChange> changes = List.of(FieldChange.of("name", probe.name, name));
            probe.name = name;
            probe.version++;
            DomainEvent event = DomainEvent.of("ProbeRenamed", "probe", id, probe.version, "test", changes,
                    Map.of("name", name));
            return outbox.append(TOPIC, event).replaceWith(probe.version);
        });
    }
}
