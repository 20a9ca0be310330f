package io.chipbet.projection.admin;

import io.chipbet.platform.problem.ProblemException;
import io.chipbet.platform.security.Roles;
import io.chipbet.projection.consumer.EventIngestor;
import io.chipbet.projection.leadership.Leadership;
import io.chipbet.projection.ingest.ParsedRecord;
import io.chipbet.projection.ingest.RebuildFence;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.Set;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/admin")
@Tag(name = "Admin")
public class AdminResource {

    private final RebuildFence fence;
    private final KafkaClientService kafka;

    private final Leadership leadership;

    public AdminResource(RebuildFence fence, KafkaClientService kafka, Leadership leadership) {
        this.leadership = leadership;
        this.fence = fence;
        this.kafka = kafka;
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Rebuild the projection from offset 0",
            description = "Forgets the stored states and score history, and reads the three topics again from the start. "
                    + "Answers 202 at once; the score converges to the same value as the topics are re-read.")
    @APIResponse(responseCode = "202", description = "The rebuild has started")
    @APIResponse(responseCode = "409", description = "This replica is not the leader")
    public Uni<Response> rebuild() {
        if (!leadership.isLeader()) {
            throw ProblemException.conflict("not-leader", "Not the leader",
                    "This replica (" + leadership.instance() + ") follows the projection; send the rebuild to the leader");
        }
        // The reset runs on the ingest path, before the next batch: never beside one.
        return kafka.<String, ParsedRecord>getConsumer(EventIngestor.CHANNEL)
                .runOnPollingThread(client -> {
                    Set<TopicPartition> assigned = client.assignment();
                    Map<TopicPartition, Long> beginnings = client.beginningOffsets(assigned);
                    client.seekToBeginning(assigned);
                    fence.raise(beginnings);
                })
                .map(ignored -> Response.accepted().build());
    }
}
