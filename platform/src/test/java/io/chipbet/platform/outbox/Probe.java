package io.chipbet.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.util.UUID;

/** A minimal aggregate for proving the outbox. */
@Entity
public class Probe extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public long version;
}
