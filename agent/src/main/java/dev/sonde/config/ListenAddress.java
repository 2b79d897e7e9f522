package dev.sonde.config;

import java.util.Objects;

/**
 * Where an endpoint of sonde listens: {@code host:port}, or a bare port, which binds the loopback
 * address only, so that an endpoint nobody asked to expose stays on this machine. Immutable.
 */
public final class ListenAddress {

    /** What a bare port binds: reachable from this machine only. */
    static final String LOOPBACK = "127.0.0.1";

    private final String host;
    private final int port;

    ListenAddress(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Reads {@code 9464}, {@code 0.0.0.0:9464}, {@code myhost:9464} or {@code [::1]:9464}; port 0
     * asks the system for a free port (the log line names the one it chose).
     */
    static ListenAddress parse(String text, Key key) throws ConfigException {
        String value = text.trim();
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? LOOPBACK : unbracket(value.substring(0, colon));
        String port = colon < 0 ? value : value.substring(colon + 1);
        if (host.isEmpty() || host.contains(":") && !value.startsWith("[")) {
            throw invalid(text, key);
        }
        return new ListenAddress(host, port(port, text, key));
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(String digits, String text, Key key) throws ConfigException {
        try {
            int port = Integer.parseInt(digits);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw invalid(text, key);
    }

    private static ConfigException invalid(String text, Key key) {
        return new ConfigException("invalid value '" + text + "' for " + key.keyName()
                + ": expected a port (binds " + LOOPBACK + ") or host:port, e.g. 9464 or 0.0.0.0:9464, or off");
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListenAddress && ((ListenAddress) other).host.equals(host)
                && ((ListenAddress) other).port == port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
