package com.acme.web;

/** A business method called by the servlets, timed as a method operation beside the HTTP routes. */
public final class OwnerStore {

    private OwnerStore() {
    }

    public static String find(String id) {
        return "owner " + id;
    }
}
