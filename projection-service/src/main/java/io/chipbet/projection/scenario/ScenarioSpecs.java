package io.chipbet.projection.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A spec to and from the JSON it is stored as. */
final class ScenarioSpecs {

    private ScenarioSpecs() {
    }

    static String write(ObjectMapper json, ScenarioSpec spec) {
        try {
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A scenario cannot be written as JSON", e);
        }
    }

    static ScenarioSpec read(ObjectMapper json, String stored) {
        try {
            return json.readValue(stored, ScenarioSpec.class);
        } catch (JsonProcessingException e) {
            throw new Unreadable("A stored scenario is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /** A stored spec this version cannot read: a newer version wrote it. */
    static final class Unreadable extends IllegalStateException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
