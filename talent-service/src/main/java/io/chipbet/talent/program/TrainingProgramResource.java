package io.chipbet.talent.program;

import io.chipbet.platform.contract.talent.TrainingProgramState;
import io.chipbet.platform.idempotency.WriteRequest;
import io.chipbet.platform.idempotency.Written;
import io.chipbet.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/training-programs")
@Tag(name = "Training programs", description = "Programs that add workers each year")
@PermitAll
public class TrainingProgramResource {

    @Inject TrainingProgramService service;

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Record a training program", description = "Publishes TrainingProgramLaunched, keyed by the program's id.")
    public Uni<Response> launch(@BeanParam WriteRequest write, @Valid @NotNull NewTrainingProgram request) {
        return service.launch(request, write).map(Written::response);
    }

    @GET
    @Operation(summary = "List training programs")
    public Uni<List<TrainingProgramState>> list(@QueryParam("region") String region) {
        return service.search(region);
    }
}
