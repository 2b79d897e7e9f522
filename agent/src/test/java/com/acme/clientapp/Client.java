package com.acme.clientapp;

/** One way of calling the server; answers {@code status body}, or throws when the call fails. */
interface Client {

    String get(String url) throws Exception;

    /** A POST with a small body; the clients that have no separate path for it just GET. */
    default String post(String url) throws Exception {
        return get(url);
    }
}
