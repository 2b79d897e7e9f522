package com.acme.web.recycled;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import java.io.IOException;

/** A filter that passes every request on and counts it; it never looks at the request itself. */
public final class AuditFilter implements Filter {

    private int calls;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        calls++;
        chain.doFilter(request, response);
    }

    int calls() {
        return calls;
    }
}
