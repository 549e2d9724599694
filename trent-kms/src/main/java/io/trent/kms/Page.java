package io.trent.kms;

import java.util.List;

/** One page of a listing, in the order the store defines; {@code truncated} when more items follow. */
public record Page<T>(List<T> items, boolean truncated) {
    public Page {
        items = List.copyOf(items);
    }

    /** The last item (whose sort key the next marker holds), or null when the page is empty. */
    public T last() {
        return items.isEmpty() ? null : items.get(items.size() - 1);
    }
}
