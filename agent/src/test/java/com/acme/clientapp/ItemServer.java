package com.acme.clientapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The server the clients call, in the same JVM: {@code /<client>/items/<id>} answers the item,
 * {@code .../fail} 500, {@code .../missing} 404, {@code .../slow/<id>} after {@link #SLOW_MILLIS};
 * {@code .../moved} redirects (302) and {@code .../submit} sees other (303) to {@code .../landing}.
 */
final class ItemServer implements AutoCloseable {

    static final int SLOW_MILLIS = 40;

    private final HttpServer server;

    ItemServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", ItemServer::answer);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/moved") || path.endsWith("/submit")) {
            String landing = path.substring(0, path.lastIndexOf('/')) + "/landing";
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + exchange.getLocalAddress().getPort() + landing);
            exchange.sendResponseHeaders(path.endsWith("/moved") ? 302 : 303, -1);
            exchange.close();
            return;
        }
        int status = 200;
        String text = "item " + path.substring(path.lastIndexOf('/') + 1);
        if (path.endsWith("/fail")) {
            status = 500;
            text = "failed";
        } else if (path.endsWith("/missing")) {
            status = 404;
            text = "missing";
        } else if (path.contains("/slow/")) {
            sleep();
        } else if (exchange.getRequestMethod().equals("POST")) {
            status = 201;
            text = "created";
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(SLOW_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
