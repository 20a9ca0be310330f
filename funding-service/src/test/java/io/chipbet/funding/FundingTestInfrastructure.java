package io.chipbet.funding;

import io.chipbet.infra.testing.ChipbetInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this service runs against the real Kafka and PostgreSQL, in the database "funding". */
@QuarkusTestResource(value = ChipbetInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "funding"))
public class FundingTestInfrastructure {
}
