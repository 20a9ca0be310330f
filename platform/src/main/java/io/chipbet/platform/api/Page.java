package io.chipbet.platform.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing. Pages are zero-based and their order is stable: every listing sorts by a
 * unique key last, so paging through never skips or repeats an item.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        int totalPages = size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
        return new Page<>(items, page, size, totalItems, totalPages);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
