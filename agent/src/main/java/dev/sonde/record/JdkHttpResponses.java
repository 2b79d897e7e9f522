package dev.sonde.record;

import java.net.http.HttpResponse;

/**
 * The status of a {@code java.net.http} response. Its own class, loaded only when a
 * {@code sendAsync} call completes: a runtime image without the {@code java.net.http} module never
 * loads it.
 */
final class JdkHttpResponses {

    private JdkHttpResponses() {
    }

    static int status(Object response) {
        return response instanceof HttpResponse ? ((HttpResponse<?>) response).statusCode() : 0;
    }
}
