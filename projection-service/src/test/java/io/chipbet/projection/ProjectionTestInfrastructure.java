package io.chipbet.projection;

import io.chipbet.infra.testing.ChipbetInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this service runs against the real Kafka and PostgreSQL, in the database "projection". */
@QuarkusTestResource(value = ChipbetInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "projection"))
public class ProjectionTestInfrastructure {
}
