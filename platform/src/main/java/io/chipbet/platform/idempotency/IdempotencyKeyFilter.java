package io.chipbet.platform.idempotency;

import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * Checks the Idempotency-Key header as sent, before any resource runs. A resource's header parameter
 * cannot tell an empty key from none (both arrive as null), and a blank key must be a 400, not a
 * write that is quietly not idempotent.
 */
public class IdempotencyKeyFilter {

    @ServerRequestFilter(preMatching = true)
    public void checkKey(ContainerRequestContext request) {
        List<String> keys = request.getHeaders().get(Idempotency.HEADER);
        if (keys == null || keys.isEmpty()) {
            return;
        }
        if (keys.size() > 1) {
            throw new ProblemException(400, "malformed-idempotency-key", "Malformed Idempotency-Key",
                    "Send one Idempotency-Key, not " + keys.size(),
                    List.of(new Problem.Violation(Idempotency.HEADER, "must be sent once")));
        }
        Idempotency.requireWellFormed(keys.get(0));
    }
}
