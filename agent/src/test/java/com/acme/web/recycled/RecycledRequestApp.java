package com.acme.web.recycled;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import java.lang.reflect.Proxy;

/**
 * Hands a filter a request that was kept past its lifetime, as code that finishes work on another
 * thread does: like Tomcat's recycled request facade, every method of it throws
 * {@code IllegalStateException}. The filter itself never touches the request, so the application
 * runs normally; sonde's HTTP advice, which reads request attributes, fails on every call.
 */
public final class RecycledRequestApp {

    public static final int CALLS = 25;
    public static final String RECYCLED = "The request object has been recycled and is no longer associated with this facade";

    private RecycledRequestApp() {
    }

    public static void main(String[] args) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                RecycledRequestApp.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, arguments) -> {
                    throw new IllegalStateException(RECYCLED);
                });
        int[] passedOn = new int[1];
        FilterChain chain = (req, res) -> passedOn[0]++;
        AuditFilter filter = new AuditFilter();
        for (int i = 0; i < CALLS; i++) {
            filter.doFilter(request, (ServletResponse) null, chain);
        }
        System.out.println("filtered " + filter.calls() + ", passed on " + passedOn[0] + " of " + CALLS);
    }
}
