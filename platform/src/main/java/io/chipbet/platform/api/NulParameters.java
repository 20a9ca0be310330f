package io.chipbet.platform.api;

import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Refuses a query parameter holding the NUL character before any resource runs: PostgreSQL refuses it
 * in text, so it would reach a query as a 500. Bodies get the same check in StrictJson.
 */
public class NulParameters {

    @ServerRequestFilter(preMatching = true)
    public void refuseNul(UriInfo uri) {
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            if (parameter.getKey().indexOf('\u0000') >= 0
                    || parameter.getValue().stream().anyMatch(value -> value.indexOf('\u0000') >= 0)) {
                throw new ProblemException(400, "validation", "Invalid request", "1 invalid field(s): " + parameter.getKey(),
                        List.of(new Problem.Violation(parameter.getKey(), "must not contain the NUL character (\\u0000)")));
            }
        }
    }
}
