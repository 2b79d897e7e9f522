package com.acme.testapp.patterns;

/** A {@link Job} without annotations of its own. */
public class NightlyJob extends Job {

    @Override
    public int perform() {
        return 2;
    }
}
