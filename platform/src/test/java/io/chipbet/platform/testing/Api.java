package io.chipbet.platform.testing;

import io.chipbet.infra.security.Tokens;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;

/** How every service's tests talk to its API: as the public, or as an editor, reading decimals exactly. */
public final class Api {

    private Api() {
    }

    /** A client without a token: reads are public. Amounts are read as BigDecimal, never as float. */
    public static RequestSpecification anyone() {
        RestAssuredConfig decimals = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        return given().config(decimals);
    }

    /** A client with a token that holds the editor role. */
    public static RequestSpecification asEditor() {
        return anyone().auth().oauth2(Tokens.forTests().editor()).contentType(ContentType.JSON);
    }

    /** An If-Match header value for a version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Sends {@code request} from {@code racers} threads released at the same moment, as concurrent
     * clients would; returns the responses in thread order.
     */
    public static List<Response> race(int racers, Callable<Response> request) throws Exception {
        return race(java.util.Collections.nCopies(racers, request));
    }

    /** Sends each request from its own thread, all released at the same moment; returns the responses in the same order. */
    public static List<Response> race(List<Callable<Response>> requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        CyclicBarrier start = new CyclicBarrier(requests.size());
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> request : requests) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(2, TimeUnit.MINUTES));
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Matches a JSON number by value, whatever its scale: "900.00" matches decimal("900"). */
    public static Matcher<Object> decimal(String expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object actual) {
                return new BigDecimal(actual.toString()).compareTo(new BigDecimal(expected)) == 0;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a number equal to " + expected);
            }
        };
    }
}
