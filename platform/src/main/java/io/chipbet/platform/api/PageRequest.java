package io.chipbet.platform.api;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Which page of a listing a request asks for: {@code @Valid @BeanParam PageRequest paging}. Every
 * listing takes the same two query parameters, validated the same way (a broken one is a 400
 * problem), and answers a {@link Page}.
 */
public class PageRequest {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Parameter(description = "Zero-based")
    int page;

    @QueryParam("size")
    @DefaultValue("" + DEFAULT_SIZE)
    @Min(1)
    @Max(MAX_SIZE)
    @Parameter(description = "Items per page, at most " + MAX_SIZE)
    int size = DEFAULT_SIZE;

    public PageRequest() {
    }

    /** For tests and callers outside a request. */
    public PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    /**
     * This page of {@code query}, which must sort by a unique key last, and how many items it has in
     * all: two statements, the page (limit and offset) and the count.
     */
    public <E> Uni<Page<E>> of(PanacheQuery<E> query) {
        PanacheQuery<E> paged = query.page(io.quarkus.panache.common.Page.of(page, size));
        return paged.list().chain(items -> paged.count().map(total -> Page.of(items, page, size, total)));
    }
}
