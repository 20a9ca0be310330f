package io.chipbet.talent.program;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;


@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/training-programs")
@Tag(name = "Training programs", description = "Programs that add workers each year")
@PermitAll
public class TrainingProgramResource {

    @Inject TrainingProgramService service;

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Record a training program", description = "Publishes TrainingProgramLaunched, keyed by the program's id.")
    @APIResponseSchema(value = TrainingProgramState.class, responseCode = "201", responseDescription = "Recorded; the ETag is its version")
    @APIResponse(responseCode = "422", description = "endYear before startYear")
    public Uni<RestResponse<TrainingProgramState>> launch(@BeanParam WriteRequest write, @Valid @NotNull NewTrainingProgram request) {
        return service.launch(request, write).map(Written::response);
    }

    @GET
    @Operation(summary = "List training programs", description = "Sorted by region, role (all roles first), start year, then id: the order is stable across pages.")
    public Uni<Page<TrainingProgramState>> list(@QueryParam("region") String region, @Valid @BeanParam PageRequest paging) {
        return service.search(region, paging);
    }
}
