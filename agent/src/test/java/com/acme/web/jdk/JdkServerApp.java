package com.acme.web.jdk;

import com.acme.web.OwnerStore;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A JDK {@code HttpServer} with contexts {@code /api/owners} (answers 200 through a nested handler:
 * must count once), {@code /api/fail} (throws) and {@code /} (404 for anything else).
 * Usage: {@code JdkServerApp <port>}; stops on SIGTERM.
 */
public final class JdkServerApp {

    private JdkServerApp() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 50);
        server.createContext("/api/owners", new Delegating(new Owners()));
        server.createContext("/api/fail", new Fail());
        server.createContext("/", exchange -> respond(exchange, 404, "no"));
        server.start();
        System.out.println("listening");
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static final class Delegating implements HttpHandler {
        private final HttpHandler next;

        Delegating(HttpHandler next) {
            this.next = next;
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            next.handle(exchange);
        }
    }

    static final class Owners implements HttpHandler {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            respond(exchange, 200, OwnerStore.find(exchange.getRequestURI().getPath()));
        }
    }

    static final class Fail implements HttpHandler {
        @Override
        public void handle(HttpExchange exchange) {
            throw new IllegalStateException("failing on purpose");
        }
    }
}
