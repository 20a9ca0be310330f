package io.chipbet.fab.fab;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.chipbet.fab.FabApi.SOURCE;
import static io.chipbet.fab.FabApi.announce;
import static io.chipbet.fab.FabApi.fab;
import static io.chipbet.platform.testing.Api.anyone;
import static org.hamcrest.Matchers.contains;

@QuarkusTest
class FabSourcesTest {

    /** A reader sees each article once, however many of a record's figures cite it (the reference data cited some thrice). */
    @Test
    void aSourceGivenTwiceIsKeptOnce() {
        Map<String, String> other = Map.of("url", "https://example.org/fab-capacity", "title", "Capacity");
        Map<String, Object> body = fab("TSMC", "US", null);
        body.put("sources", List.of(SOURCE, other, Map.of("url", SOURCE.get("url"), "title", "The same article, retitled")));

        String id = announce(body).then().statusCode(201)
                .body("sources.url", contains(SOURCE.get("url"), other.get("url")))
                .body("sources.title", contains(SOURCE.get("title"), other.get("title")))
                .extract().path("id");

        anyone().get("/api/v1/fabs/" + id).then().statusCode(200)
                .body("sources.url", contains(SOURCE.get("url"), other.get("url")));
    }
}
