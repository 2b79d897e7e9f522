package dev.sonde.record;

import java.util.regex.Pattern;

/**
 * Names an HTTP request's operation {@code METHOD /route/template}, never by its raw URL: the
 * framework's template if there is one ({@code /api/owners/{id}}), else a specific servlet mapping
 * or JDK context path, else the path with id-like segments (numbers, UUIDs, long hex or mixed
 * tokens) replaced by {@code {id}}. Query strings never reach this class.
 */
final class HttpRoutes {

    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern LONG_HEX = Pattern.compile("[0-9a-fA-F]{16,}");
    /** Tokens such as {@code a1B2c3D4e5F6g7H8}: long, and mixing digits with letters. */
    private static final Pattern LONG_TOKEN = Pattern.compile("(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9_-]{20,}");

    private HttpRoutes() {
    }

    static String operationName(String method, String route) {
        return method + " " + route;
    }

    static String route(Object handlerRoute, String mappingRoute, String path) {
        if (handlerRoute != null) {
            String template = handlerRoute.toString();
            if (!template.isEmpty()) {
                return template;
            }
        }
        if (isSpecific(mappingRoute)) {
            return mappingRoute;
        }
        return normalize(path);
    }

    /** A mapping that names a route rather than catching everything. */
    private static boolean isSpecific(String mapping) {
        return mapping != null && !mapping.isEmpty() && !mapping.equals("/") && !mapping.equals("/*");
    }

    static String normalize(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        int query = path.indexOf('?');
        String plain = query < 0 ? path : path.substring(0, query);
        String[] segments = plain.split("/", -1);
        StringBuilder route = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            route.append('/').append(isIdentifier(segments[i]) ? "{id}" : segments[i]);
        }
        return route.length() == 0 ? "/" : route.toString();
    }

    private static boolean isIdentifier(String segment) {
        return NUMBER.matcher(segment).matches() || UUID.matcher(segment).matches()
                || LONG_HEX.matcher(segment).matches() || LONG_TOKEN.matcher(segment).matches();
    }

    /** 1 for 1xx ... 5 for 5xx; 0 when no status is known. */
    static int statusClass(int status) {
        return status >= 100 && status < 600 ? status / 100 : 0;
    }
}
