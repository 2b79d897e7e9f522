package dev.sonde.export;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A scrape whose answer sonde compresses itself, at gzip's fastest level, instead of the client
 * library at the default one: compressing took 40 % of a scrape of 2000 operations, for a text
 * that its repeated names and labels make easy to compress at any level. The library sees a request
 * that asks for no compression and writes plain; this exchange gzips what it writes.
 */
final class FastGzipExchange extends HttpExchange {

    private final HttpExchange exchange;
    private final Headers requestHeaders = new Headers();
    private GZIPOutputStream gzip;

    private FastGzipExchange(HttpExchange exchange) {
        this.exchange = exchange;
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Accept-Encoding")) {
                requestHeaders.put(name, values);
            }
        });
    }

    /** The exchange to hand to the library: this one when the scraper accepts gzip, else {@code exchange}. */
    static HttpExchange of(HttpExchange exchange) {
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        boolean gzip = accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
        return gzip ? new FastGzipExchange(exchange) : exchange;
    }

    @Override
    public void sendResponseHeaders(int status, long length) throws IOException {
        if (length < 0) {
            exchange.sendResponseHeaders(status, length);
            return;
        }
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        // The library names the plain length; the gzipped answer goes chunked.
        exchange.getResponseHeaders().remove("Content-Length");
        exchange.sendResponseHeaders(status, 0);
        gzip = new GZIPOutputStream(exchange.getResponseBody(), 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    @Override
    public OutputStream getResponseBody() {
        return gzip != null ? gzip : exchange.getResponseBody();
    }

    @Override
    public void close() {
        try {
            if (gzip != null) {
                gzip.close();
            }
        } catch (IOException e) {
            // The scraper went away; nothing to tell it.
        } finally {
            exchange.close();
        }
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return exchange.getResponseHeaders();
    }

    @Override
    public URI getRequestURI() {
        return exchange.getRequestURI();
    }

    @Override
    public String getRequestMethod() {
        return exchange.getRequestMethod();
    }

    @Override
    public HttpContext getHttpContext() {
        return exchange.getHttpContext();
    }

    @Override
    public InputStream getRequestBody() {
        return exchange.getRequestBody();
    }

    @Override
    public int getResponseCode() {
        return exchange.getResponseCode();
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return exchange.getRemoteAddress();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return exchange.getLocalAddress();
    }

    @Override
    public String getProtocol() {
        return exchange.getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
        return exchange.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        exchange.setAttribute(name, value);
    }

    @Override
    public void setStreams(InputStream input, OutputStream output) {
        exchange.setStreams(input, output);
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return exchange.getPrincipal();
    }
}
