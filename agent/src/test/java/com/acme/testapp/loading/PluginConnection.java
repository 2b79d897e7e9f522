package com.acme.testapp.loading;

import java.net.URL;
import java.net.URLConnection;

/** A URL connection of the application's own, as nested-jar launchers have. */
public class PluginConnection extends URLConnection {

    public PluginConnection(URL url) {
        super(url);
    }

    @Override
    public void connect() {
    }
}
