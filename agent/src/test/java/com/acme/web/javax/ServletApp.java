package com.acme.web.javax;

import com.acme.web.OwnerStore;
import javax.servlet.AsyncContext;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

import javax.servlet.DispatcherType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.EnumSet;

/**
 * An embedded Jetty 10 (javax.servlet) with one servlet per HTTP behaviour the tests check:
 * {@code /owners/*} (one route for many URLs), {@code /fail} (throws), {@code /missing} (404),
 * {@code /forward} (forwards to an owner: counts once), {@code /async} (completes 100 ms later on
 * another thread), and a catch-all {@code /} for raw paths; a filter wraps everything.
 * Usage: {@code ServletApp <port>}; stops on SIGTERM.
 */
public final class ServletApp {

    public static final long ASYNC_MILLIS = 100;

    private ServletApp() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        add(context, new Owners(), "/owners/*");
        add(context, new Fail(), "/fail");
        add(context, new Missing(), "/missing");
        add(context, new Forward(), "/forward");
        add(context, new Async(), "/async");
        add(context, new Missing(), "/");
        FilterHolder filter = new FilterHolder(new Pass());
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", EnumSet.allOf(DispatcherType.class));
        server.setHandler(context);
        server.start();
        System.out.println("listening");
        server.join();
    }

    private static void add(ServletContextHandler context, HttpServlet servlet, String pattern) {
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        context.addServlet(holder, pattern);
    }

    static final class Owners extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().write(OwnerStore.find(request.getPathInfo()));
        }
    }

    static final class Fail extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException {
            throw new ServletException("failing on purpose");
        }
    }

    static final class Missing extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.sendError(404);
        }
    }

    static final class Forward extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
            request.getRequestDispatcher("/owners/forwarded").forward(request, response);
        }
    }

    static final class Async extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            AsyncContext async = request.startAsync();
            new Thread(() -> {
                try {
                    Thread.sleep(ASYNC_MILLIS);
                    async.getResponse().getWriter().write("late");
                } catch (Exception e) {
                    Thread.currentThread().interrupt();
                }
                async.complete();
            }).start();
        }
    }

    static final class Pass implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            chain.doFilter(request, response);
        }
    }
}
