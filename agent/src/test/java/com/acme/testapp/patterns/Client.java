package com.acme.testapp.patterns;

/**
 * Holds a hand-written nested class named like a proxy setting: only JDK proxies
 * ({@code $Proxy} and digits) are generated code that sonde skips, {@code Client$ProxySettings} is not.
 */
public class Client {

    /** Binary name {@code com.acme.testapp.patterns.Client$ProxySettings}. */
    public static class ProxySettings {
        public String host() {
            return "proxy.acme.com";
        }
    }
}
