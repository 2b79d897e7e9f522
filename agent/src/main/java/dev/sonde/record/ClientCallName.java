package dev.sonde.record;

import java.util.Locale;

/**
 * Names an outbound HTTP call's operation {@code GET 127.0.0.1:8080 /items/{id}}: the method, the
 * server as {@code host:port} (the scheme's port when none is given), and the path with id-like
 * segments collapsed as for server routes ({@link HttpRoutes#normalize}). What a client hands over
 * may be a bare path or a whole URL; the scheme, user-info, query string and fragment never reach
 * the name.
 */
final class ClientCallName {

    private ClientCallName() {
    }

    static String of(String method, String hostPort, String route) {
        return method + " " + hostPort + " " + route;
    }

    /** {@code host:port}; an IPv6 literal keeps its brackets, a missing port is the scheme's default. */
    static String hostPort(String scheme, String host, int port) {
        String name = host == null || host.isEmpty() ? "(unknown host)" : host.toLowerCase(Locale.ROOT);
        if (name.indexOf(':') >= 0 && !name.startsWith("[")) {
            name = "[" + name + "]";
        }
        return name + ":" + (port > 0 ? port : defaultPort(scheme));
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    /** The route of a request target: its path, id-like segments collapsed, without query or fragment. */
    static String route(String target) {
        return HttpRoutes.normalize(path(target));
    }

    /** The path part of {@code /a/b?q#f} or {@code http://user@host:8080/a/b?q#f}. */
    static String path(String target) {
        if (target == null) {
            return "/";
        }
        int end = firstOf(target, '?', '#');
        int start = 0;
        int scheme = target.indexOf("://");
        if (scheme >= 0 && scheme < end) {
            int slash = target.indexOf('/', scheme + 3);
            start = slash >= 0 && slash < end ? slash : end;
        }
        return target.substring(start, end);
    }

    private static int firstOf(String text, char one, char other) {
        int a = text.indexOf(one);
        int b = text.indexOf(other);
        if (a < 0) {
            return b < 0 ? text.length() : b;
        }
        return b < 0 ? a : Math.min(a, b);
    }
}
