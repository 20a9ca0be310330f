package io.chipbet.platform.testing;

import io.restassured.response.Response;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;

/**
 * A lifecycle's whole transition table through the public API, which a service's lifecycle test extends: every
 * ordered pair of its statuses is one test, legal when the table written out by hand (from the issue, not
 * derived from the code under test) lists it as {@code "FROM>TO"}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TransitionTableTest {

    private final List<String> statuses;
    private final Set<String> legal;

    protected TransitionTableTest(List<String> statuses, Set<String> legal) {
        this.statuses = statuses;
        this.legal = legal;
    }

    Stream<Arguments> everyPair() {
        return statuses.stream().flatMap(from -> statuses.stream().map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void transition(String from, String to) {
        transition(from, to, legal.contains(from + ">" + to));
    }

    /** Brings a new aggregate to {@code from}, asks for {@code to}, and checks the answer: accepted if {@code legal}, else refused. */
    protected abstract void transition(String from, String to, boolean legal);

    /** The answer to an illegal transition: 409, the illegal-transition problem. */
    protected static void refused(Response response) {
        response.then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://chipbet.io/problems/illegal-transition"));
    }
}
