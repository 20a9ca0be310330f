package io.chipbet.talent.program;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.contract.talent.TrainingProgramState;
import io.chipbet.platform.rest.CreatingResource;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/training-programs")
@Tag(name = "Training programs", description = "Programs that add workers each year")
@PermitAll
public class TrainingProgramResource extends CreatingResource<TrainingProgramState, NewTrainingProgram> {

    private final TrainingProgramService service;

    public TrainingProgramResource(TrainingProgramService service) {
        super(service::launch);
        this.service = service;
    }

    @GET
    @Operation(summary = "List training programs", description = "Sorted by region, role (all roles first), start year, then id: the order is stable across pages.")
    public Uni<Page<TrainingProgramState>> list(@QueryParam("region") String region, @Valid @BeanParam PageRequest paging) {
        return service.search(region, paging);
    }
}
