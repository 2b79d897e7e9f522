package com.acme.reflection.corpus.variant;

import com.acme.reflection.Checked;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Generic signatures and type-use annotations in every position reflection can show. */
public class Box<@Checked("element") T extends Comparable<? super T> & Serializable> extends ArrayList<@Checked T>
        implements Comparable<Box<T>> {

    private static final long serialVersionUID = 1L;

    public @Checked("field") Map<@Checked String, List<? extends @Checked T>> index;

    public String @Checked("array") [] @Checked("inner") [] grid = new String[0][];

    public <@Checked R extends Comparable<? super R> & Serializable, X extends Exception> Box<R> map(
            @Checked("receiver") Box<T> this, Function<? super T, ? extends R> mapping, Class<X> failure) throws X {
        Box<R> mapped = new Box<>();
        for (T element : this) {
            mapped.add(mapping.apply(element));
        }
        return mapped;
    }

    public @Checked("result") List<@Checked("item") ? super T> sink(T @Checked [] seed)
            throws @Checked("thrown") IllegalStateException {
        List<? super T> sink = new ArrayList<>();
        for (T element : seed) {
            sink.add(element);
        }
        return sink;
    }

    @Override
    public int compareTo(Box<T> other) {
        return Integer.compare(size(), other.size());
    }
}
