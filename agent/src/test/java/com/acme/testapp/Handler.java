package com.acme.testapp;

/** A supertype the pattern tests select implementations of ({@code +com.acme.testapp.Handler#handle}). */
public interface Handler {
    int handle(int request);
}
