package dev.sonde.it;

import java.net.http.HttpResponse;

/** What a server answered to one request: the status and the body, made comparable across runs. */
public record Answer(int status, String body) {

    private static final int SHOWN_BODY_CHARS = 400;

    /**
     * Spring Boot's default error body carries the time of the error, the one part of an answer
     * that differs from run to run; it is replaced by a placeholder.
     */
    public static Answer of(HttpResponse<String> response) {
        String body = response.body().replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"<time>\"");
        return new Answer(response.statusCode(), body);
    }

    @Override
    public String toString() {
        String shown = body.length() > SHOWN_BODY_CHARS ? body.substring(0, SHOWN_BODY_CHARS) + "..." : body;
        return status + " " + (shown.isEmpty() ? "(no body)" : shown);
    }
}
