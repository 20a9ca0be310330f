package io.chipbet.platform.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One field of an aggregate that an event changed, from which value to which. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FieldChange(String field, Object from, Object to) {

    public static FieldChange of(String field, Object from, Object to) {
        return new FieldChange(field, from, to);
    }
}
