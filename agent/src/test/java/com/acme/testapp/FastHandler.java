package com.acme.testapp;

/** An implementation of {@link Handler}: selected by {@code +com.acme.testapp.Handler}. */
public class FastHandler implements Handler {

    @Override
    public int handle(int request) {
        return request * 2;
    }

    public int helper(int x) {
        return x;
    }
}
