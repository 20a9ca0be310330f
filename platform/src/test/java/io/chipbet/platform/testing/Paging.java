package io.chipbet.platform.testing;

import io.chipbet.platform.api.PageRequest;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.chipbet.platform.testing.Api.anyone;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every listing promises its clients: the page shape, page and size honoured, bad paging refused. */
public final class Paging {

    private Paging() {
    }

    /**
     * {@code path} with {@code query} lists exactly {@code total} items: size=1 gives one item a page,
     * paging through gives each once, a page past the end is empty, and page=-1, size=0 and a size over
     * the limit are 400 problems that name the parameter.
     */
    public static void assertPagesThrough(String path, Map<String, ?> query, int total) {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < total; page++) {
            Response response = anyone().queryParams(query).queryParam("page", page).queryParam("size", 1).get(path);
            response.then().statusCode(200).contentType("application/json")
                    .body("items.size()", equalTo(1)).body("page", equalTo(page)).body("size", equalTo(1))
                    .body("totalItems", equalTo(total)).body("totalPages", equalTo(total));
            seen.add(response.jsonPath().getString("items[0]"));
        }
        assertEquals(total, new HashSet<>(seen).size(), "paging through " + path + " gives each item once: " + seen);
        anyone().queryParams(query).queryParam("page", total).queryParam("size", 1).get(path).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("totalItems", equalTo(total));
        anyone().queryParams(query).get(path).then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(PageRequest.DEFAULT_SIZE));
        assertRefusesBadPaging(path);
    }

    /**
     * Every item {@code path} with {@code query} lists, read a page of {@link PageRequest#MAX_SIZE} at a
     * time as a client would: each once, as many as totalItems says.
     */
    public static List<Map<String, Object>> all(String path, Map<String, ?> query) {
        List<Map<String, Object>> items = new ArrayList<>();
        int pages = 1;
        long total = 0;
        for (int page = 0; page < pages; page++) {
            var listing = anyone().queryParams(query).queryParam("page", page).queryParam("size", PageRequest.MAX_SIZE).get(path)
                    .then().statusCode(200).extract().jsonPath();
            pages = listing.getInt("totalPages");
            total = listing.getLong("totalItems");
            items.addAll(listing.getList("items"));
        }
        assertEquals(total, items.size(), "totalItems of " + path + " counts what its pages hold");
        assertEquals(items.size(), new HashSet<>(items).size(), "no item of " + path + " on two pages");
        return items;
    }

    public static List<Map<String, Object>> all(String path) {
        return all(path, Map.of());
    }

    /** page=-1, size=0 and a size over the limit are 400 problems that name the parameter. */
    public static void assertRefusesBadPaging(String path) {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("page", -1), Map.of("size", 0),
                Map.of("size", PageRequest.MAX_SIZE + 1))) {
            anyone().queryParams(bad).get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("violations.field", hasItem(bad.keySet().iterator().next()));
        }
    }
}
