package com.acme.web.jakarta;

import com.acme.web.OwnerStore;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

import java.io.IOException;
import java.nio.file.Files;

/**
 * An embedded Tomcat (jakarta.servlet) with one servlet per HTTP behaviour the tests check:
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
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        tomcat.setPort(Integer.parseInt(args[0]));
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        add(context, "owners", new Owners(), "/owners/*");
        add(context, "fail", new Fail(), "/fail");
        add(context, "missing", new Missing(), "/missing");
        add(context, "forward", new Forward(), "/forward");
        add(context, "async", new Async(), "/async");
        add(context, "fallback", new Missing(), "/");
        FilterDef filter = new FilterDef();
        filter.setFilterName("pass");
        filter.setFilter(new Pass());
        filter.setAsyncSupported("true");
        context.addFilterDef(filter);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName("pass");
        mapping.addURLPattern("/*");
        context.addFilterMap(mapping);
        tomcat.start();
        System.out.println("listening");
        tomcat.getServer().await();
    }

    private static void add(Context context, String name, HttpServlet servlet, String pattern) {
        Wrapper wrapper = Tomcat.addServlet(context, name, servlet);
        wrapper.setAsyncSupported(true);
        context.addServletMappingDecoded(pattern, name);
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
