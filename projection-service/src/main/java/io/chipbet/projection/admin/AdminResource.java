package io.chipbet.projection.admin;

import io.chipbet.platform.security.Roles;
import io.chipbet.projection.score.ScoreBoard;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin")
@Tag(name = "Admin")
public class AdminResource {

    private final ScoreBoard board;
    private final KafkaClientService kafka;

    public AdminResource(ScoreBoard board, KafkaClientService kafka) {
        this.board = board;
        this.kafka = kafka;
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Rebuild the projection from offset 0",
            description = "Forgets the stored states and score history, and reads the three topics again from the start. "
                    + "Answers 202 at once; the score converges to the same value as the topics are re-read.")
    public Uni<Response> rebuild() {
        // The reset runs on the ingest path, before the next batch: never beside one.
        board.requestReset();
        return kafka.<String, String>getConsumer("domain-events")
                .runOnPollingThread(client -> {
                    client.seekToBeginning(client.assignment());
                })
                .map(ignored -> Response.accepted().build());
    }
}
