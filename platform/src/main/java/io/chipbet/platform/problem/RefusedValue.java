package io.chipbet.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A value of the right JSON type that chipbet still refuses (StrictJson); its message is for the client. */
public final class RefusedValue extends MismatchedInputException {

    public RefusedValue(JsonParser parser, String message, Class<?> type) {
        super(parser, message, type);
    }
}
