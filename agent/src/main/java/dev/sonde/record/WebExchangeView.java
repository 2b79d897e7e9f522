package dev.sonde.record;

import java.lang.reflect.Method;

/**
 * What a Spring WebFlux {@code ServerWebExchange} says about its request, read through Spring's
 * public interfaces by reflection: sonde's class loader cannot see Spring, and the types differ
 * between Spring versions ({@code HttpMethod} an enum or a class, the status an {@code HttpStatus}
 * or an {@code HttpStatusCode}), so every value is taken from its text. The methods of the last
 * class loader seen are kept.
 */
final class WebExchangeView {

    /** Spring's {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}, set for annotated and functional routes. */
    static final String BEST_MATCHING_PATTERN = "org.springframework.web.reactive.HandlerMapping.bestMatchingPattern";

    private static volatile WebExchangeView last;

    private final ClassLoader loader;
    private final Method getRequest;
    private final Method getResponse;
    private final Method getAttribute;
    private final Method getMethod;
    private final Method getPath;
    private final Method getStatusCode;

    private WebExchangeView(ClassLoader loader) throws ReflectiveOperationException {
        this.loader = loader;
        Class<?> exchange = Class.forName("org.springframework.web.server.ServerWebExchange", false, loader);
        getRequest = exchange.getMethod("getRequest");
        getResponse = exchange.getMethod("getResponse");
        getAttribute = exchange.getMethod("getAttribute", String.class);
        getMethod = Class.forName("org.springframework.http.HttpRequest", false, loader).getMethod("getMethod");
        getPath = Class.forName("org.springframework.http.server.reactive.ServerHttpRequest", false, loader)
                .getMethod("getPath");
        getStatusCode = Class.forName("org.springframework.http.server.reactive.ServerHttpResponse", false, loader)
                .getMethod("getStatusCode");
    }

    static WebExchangeView of(Object exchange) throws ReflectiveOperationException {
        ClassLoader loader = exchange.getClass().getClassLoader();
        WebExchangeView view = last;
        if (view == null || view.loader != loader) {
            view = new WebExchangeView(loader);
            last = view;
        }
        return view;
    }

    String method(Object exchange) throws ReflectiveOperationException {
        return String.valueOf(getMethod.invoke(getRequest.invoke(exchange)));
    }

    /** The route template (a {@code PathPattern}), or null when no handler matched. */
    Object route(Object exchange) throws ReflectiveOperationException {
        return getAttribute.invoke(exchange, BEST_MATCHING_PATTERN);
    }

    /** The request's path, without its query. */
    String path(Object exchange) throws ReflectiveOperationException {
        return String.valueOf(getPath.invoke(getRequest.invoke(exchange)));
    }

    /** The status set on the response; 0 when none was (the server then answers 200). */
    int status(Object exchange) throws ReflectiveOperationException {
        Object status = getStatusCode.invoke(getResponse.invoke(exchange));
        return status == null ? 0 : leadingNumber(status.toString());
    }

    /** {@code "404 NOT_FOUND"} and {@code "404"} are 404. */
    static int leadingNumber(String text) {
        int value = 0;
        for (int i = 0; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
