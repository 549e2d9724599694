package io.trent.authz;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/** An unmodifiable list computed on first use, so that explanations cost nothing on the fast path. */
final class LazyList<T> extends AbstractList<T> {
    private Supplier<List<T>> supplier;
    private volatile List<T> value;

    LazyList(Supplier<List<T>> supplier) {
        this.supplier = supplier;
    }

    private List<T> list() {
        List<T> v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = List.copyOf(supplier.get());
                    value = v;
                    supplier = null;
                }
            }
        }
        return v;
    }

    @Override
    public T get(int index) {
        return list().get(index);
    }

    @Override
    public int size() {
        return list().size();
    }
}
