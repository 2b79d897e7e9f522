package dev.sonde.it;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request of a test's plan, with what the application is known to do with it: the status it
 * answers, the route Spring matches, and the handler method it calls (null when Spring rejects the
 * request while binding its parameters, before any handler runs).
 */
public record PlannedRequest(String method, String path, Map<String, String> headers, String body,
                             int status, String route, String handler) {

    public static PlannedRequest get(String path, int status, String route, String handler) {
        return new PlannedRequest("GET", path, Map.of(), null, status, route, handler);
    }

    public static PlannedRequest postJson(String path, String json, int status, String route, String handler) {
        return new PlannedRequest("POST", path, Map.of("Content-Type", "application/json"), json, status, route, handler);
    }

    public PlannedRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new PlannedRequest(method, path, Map.copyOf(more), body, status, route, handler);
    }

    public Answer sendTo(HttpProbe http) throws Exception {
        return Answer.of(http.exchange(method, path, headers, body));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(method).append(' ').append(path);
        headers.forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                text.append(" [").append(name).append(": ").append(value).append(']');
            }
        });
        return body == null ? text.toString() : text.append(' ').append(body).toString();
    }
}
