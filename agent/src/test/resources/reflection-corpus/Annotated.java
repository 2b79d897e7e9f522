package com.acme.reflection.corpus.variant;

import com.acme.reflection.Checked;
import com.acme.reflection.Label;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.util.List;

/** Repeated, nested and defaulted annotations on a class, its fields, constructors, methods and parameters. */
@Label("first")
@Label(value = "second", order = 2, type = String[].class, places = {ElementType.TYPE, ElementType.FIELD})
@Marker(name = "annotated", sizes = {}, planet = Planet.NEPTUNE)
public class Annotated {

    @Label("counter")
    protected static volatile int counter;

    @Deprecated(since = "1.0", forRemoval = true)
    transient @Checked String legacy;

    @Label(value = "ctor", type = int.class)
    public Annotated() throws @Checked IOException {
        legacy = "";
    }

    @Marker
    @Label("method")
    public synchronized @Checked("page") String annotate(@Label("page") final int page,
            @Marker(name = "who") @Checked String lastName, @Label("a") @Label("b") List<@Checked Integer> more) {
        counter++;
        return lastName + page + more.size();
    }

    @SafeVarargs
    protected static <E> int strict(E... elements) throws IOException, IllegalArgumentException {
        return elements.length;
    }
}
