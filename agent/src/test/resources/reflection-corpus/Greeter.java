package com.acme.reflection.corpus.variant;

import com.acme.reflection.Checked;
import com.acme.reflection.Label;

import java.io.IOException;

/** An interface with abstract, default, static and private methods. */
@FunctionalInterface
public interface Greeter<T> {

    String name(T who);

    default String greet(T who, @Label("punctuation") String punctuation) throws IOException {
        if (punctuation.isEmpty()) {
            throw new IOException("no punctuation");
        }
        return decorate("Hello, " + name(who)) + punctuation;
    }

    static <T> Greeter<T> of(@Checked String fixed) {
        return who -> fixed;
    }

    private String decorate(String text) {
        return "<" + text + ">";
    }
}
