package io.chipbet.projection.scenario;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A scenario as stored: its spec (JSON, as the API took it), its revision (the ETag; +1 per PUT) and
 * the version of its last published result. Scenarios from Kubernetes are read-only here.
 */
@Entity
@Table(name = "scenario")
public class Scenario {

    public static final String API = "api";
    public static final String KUBERNETES = "kubernetes";

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, columnDefinition = "text")
    public String spec;

    @Column(nullable = false)
    public long revision;

    /** Where it comes from: the REST API, or a FeasibilityScenario custom resource. */
    @Column(nullable = false, length = 20)
    public String source;

    /** A FeasibilityScenario's namespace and name; null for the API's own. */
    @Column(name = "source_namespace", length = 253)
    public String sourceNamespace;

    @Column(name = "source_name", length = 253)
    public String sourceName;

    @Column(name = "result_version", nullable = false)
    public long resultVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static Scenario create(UUID id, String name, String spec, String source) {
        Scenario scenario = new Scenario();
        scenario.id = id;
        scenario.name = name;
        scenario.spec = spec;
        scenario.revision = 1;
        scenario.source = source;
        scenario.createdAt = Instant.now();
        scenario.updatedAt = scenario.createdAt;
        return scenario;
    }

    /** A scenario declared in Kubernetes, stored under its resource's uid. */
    static Scenario declared(UUID uid, String namespace, String resourceName, String name, String spec) {
        Scenario scenario = create(uid, name, spec, KUBERNETES);
        scenario.sourceNamespace = namespace;
        scenario.sourceName = resourceName;
        return scenario;
    }

    /** A new revision of the spec. */
    void revise(String name, String spec) {
        this.name = name;
        this.spec = spec;
        this.revision++;
        this.updatedAt = Instant.now();
    }

    /** The version the next published result takes. */
    long nextResult() {
        return ++resultVersion;
    }
}
