package com.acme.clientapp;

/** The timed caller (by include pattern) whose self time must leave out the calls it makes. */
public final class SlowCaller {

    private SlowCaller() {
    }

    public static String fetch(Client client, String url) throws Exception {
        return client.get(url);
    }
}
