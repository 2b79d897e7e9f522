package com.acme.testapp;

/** Ends as soon as it starts, with nothing to time: it may well end before sonde has set up. */
public final class QuickExitApp {

    private QuickExitApp() {
    }

    public static void main(String[] args) {
        System.out.println("quick-exit done");
    }
}
