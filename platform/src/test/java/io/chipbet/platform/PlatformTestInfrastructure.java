package io.chipbet.platform;

import io.chipbet.infra.testing.ChipbetInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against the real Kafka and PostgreSQL, in the database "platform". */
@QuarkusTestResource(value = ChipbetInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
public class PlatformTestInfrastructure {
}
