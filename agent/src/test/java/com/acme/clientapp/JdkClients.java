package com.acme.clientapp;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The JDK's clients: {@code HttpClient} (send, sendAsync) and {@code HttpURLConnection}; no library needed. */
final class JdkClients {

    private static final HttpClient HTTP_CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private JdkClients() {
    }

    static Client send() {
        return url -> {
            HttpResponse<String> response = HTTP_CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        };
    }

    static Client sendAsync() {
        return url -> {
            HttpResponse<String> response = HTTP_CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).get();
            return response.statusCode() + " " + response.body();
        };
    }

    static Client urlConnection() {
        return new Client() {
            @Override
            public String get(String url) throws Exception {
                HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
                return answer(connection);
            }

            @Override
            public String post(String url) throws Exception {
                HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                try (OutputStream body = connection.getOutputStream()) {
                    body.write("name=new".getBytes(StandardCharsets.UTF_8));
                }
                return answer(connection);
            }
        };
    }

    /** As applications do: the status first, then the body or the error body; asked twice, counted once. */
    private static String answer(HttpURLConnection connection) throws Exception {
        int status = connection.getResponseCode();
        connection.getResponseCode();
        InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (body) {
            body.transferTo(bytes);
        }
        return status + " " + bytes.toString(StandardCharsets.UTF_8);
    }
}
