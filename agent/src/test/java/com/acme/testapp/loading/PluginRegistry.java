package com.acme.testapp.loading;

/** An ordinary class beside the loaders. */
public class PluginRegistry {

    public int count() {
        return 0;
    }
}
