package dev.sonde.record;

import dev.sonde.bootstrap.ServletApi;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The servlet path the advice calls out of line, with requests of both APIs made as proxies: the
 * API's class is defined beside the servlet API (sonde's loader cannot see it), and the recorder
 * times the outermost dispatch once, names it by route and never leaves the thread claimed.
 */
class ServletApisTest {

    private final OperationRegistry registry = new OperationRegistry(100);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(false, false));
    private final ServletApis apis = new ServletApis();

    @Test
    void eachApiIsReadByAClassDefinedBesideIt() {
        ServletApi jakarta = apis.of(new FakeRequest("REQUEST").jakarta());
        ServletApi javax = apis.of(new FakeRequest("REQUEST").javax());

        assertThat(jakarta.getClass().getName()).isEqualTo("dev.sonde.record.JakartaServletApi");
        assertThat(javax.getClass().getName()).isEqualTo("dev.sonde.record.JavaxServletApi");
        assertThat(jakarta.getClass()).as("never sonde's own copy").isNotSameAs(JakartaServletApi.class);
        assertThat(jakarta.getClass().getClassLoader().getParent())
                .isSameAs(jakarta.servlet.ServletRequest.class.getClassLoader());
        assertThat(apis.of(new FakeRequest("REQUEST").jakarta())).as("made once").isSameAs(jakarta);
    }

    @Test
    void anObjectOfNoServletApiHasNone() {
        assertThat(apis.of("not a request")).isNull();
        assertThat(apis.of("not a request")).isNull();
        assertThat(apis.of(null)).isNull();
    }

    @Test
    void anApiWhoseClassCannotBeDefinedFailsOnceAndIsNotTriedAgain() {
        ServletApis missing = new ServletApis(new String[][]{{"jakarta.servlet", "dev.sonde.record.NoSuchServletApi"}});
        Object request = new FakeRequest("REQUEST").jakarta();

        assertThatThrownBy(() -> missing.of(request)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot define dev.sonde.record.NoSuchServletApi beside the servlet API");
        assertThat(missing.of(request)).as("a request of that class is untimed from then on").isNull();
    }

    @Test
    void theOutermostCallOfARequestIsRecordedOnceByItsRoute() {
        FakeRequest request = new FakeRequest("REQUEST").route("/api/owners/{id}").status(201);
        Object http = request.jakarta();

        long start = recorder.startServletRequest(http);
        assertThat(start).isNotZero();
        assertThat(recorder.startServletRequest(http)).as("a filter or servlet inside it").isZero();
        recorder.endServletRequest(http, request.jakartaResponse(), start, false);

        OperationSnapshot only = only();
        assertThat(only.name()).isEqualTo("GET /api/owners/{id}");
        assertThat(only.count()).isEqualTo(1);
        assertThat(only.statusClasses()[2]).isEqualTo(1);
        assertThat(recorder.startServletRequest(http)).as("the thread is free again").isNotZero();
    }

    @Test
    void aDispatchThatIsNotTimedLeavesTheThreadFree() {
        assertThat(recorder.startServletRequest(new FakeRequest("ERROR").javax())).isZero();
        assertThat(recorder.startServletRequest(new FakeRequest("REQUEST").javax())).isNotZero();
    }

    @Test
    void aRequestWhoseCheckThrowsLeavesTheThreadFree() {
        FakeRequest recycled = new FakeRequest("REQUEST").recycled();
        assertThatThrownBy(() -> recorder.startServletRequest(recycled.jakarta()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(recorder.startServletRequest(new FakeRequest("REQUEST").jakarta())).isNotZero();
    }

    @Test
    void aRequestThatWentAsynchronousEndsWhenItsContextCompletes() {
        FakeRequest request = new FakeRequest("REQUEST").path("/jobs", "/42").asyncStarted();
        Object http = request.javax();
        long start = recorder.startServletRequest(http);
        recorder.endServletRequest(http, request.javaxResponse(), start, false);
        assertThat(recorder.snapshot()).as("not over yet").allMatch(snapshot -> !snapshot.wasCalled());
        assertThat(request.attributes).containsEntry("dev.sonde.request.asyncStart", start);

        recorder.completeServletRequest(request.javaxAsyncContext());

        assertThat(only().name()).isEqualTo("GET /jobs/{id}");
        assertThat(request.attributes).doesNotContainKey("dev.sonde.request.asyncStart");
        recorder.completeServletRequest(request.javaxAsyncContext());
        assertThat(only().count()).as("completed once").isEqualTo(1);
    }

    private OperationSnapshot only() {
        List<OperationSnapshot> called = recorder.snapshot().stream().filter(OperationSnapshot::wasCalled)
                .collect(java.util.stream.Collectors.toList());
        assertThat(called).hasSize(1);
        return called.get(0);
    }

    /** A request, its response and its AsyncContext as both APIs see them, backed by a few fields. */
    private static final class FakeRequest {
        final Map<String, Object> attributes = new HashMap<>();
        final String dispatcherType;
        String servletPath = "/";
        String pathInfo;
        int status = 200;
        boolean asyncStarted;
        boolean recycled;

        FakeRequest(String dispatcherType) {
            this.dispatcherType = dispatcherType;
        }

        FakeRequest route(String template) {
            attributes.put("org.springframework.web.servlet.HandlerMapping.bestMatchingPattern", template);
            return this;
        }

        FakeRequest path(String servletPath, String pathInfo) {
            this.servletPath = servletPath;
            this.pathInfo = pathInfo;
            return this;
        }

        FakeRequest status(int status) {
            this.status = status;
            return this;
        }

        FakeRequest asyncStarted() {
            this.asyncStarted = true;
            return this;
        }

        FakeRequest recycled() {
            this.recycled = true;
            return this;
        }

        Object jakarta() {
            return proxy(jakarta.servlet.http.HttpServletRequest.class, jakarta.servlet.DispatcherType.class);
        }

        Object javax() {
            return proxy(javax.servlet.http.HttpServletRequest.class, javax.servlet.DispatcherType.class);
        }

        Object jakartaResponse() {
            return response(jakarta.servlet.http.HttpServletResponse.class);
        }

        Object javaxResponse() {
            return response(javax.servlet.http.HttpServletResponse.class);
        }

        Object javaxAsyncContext() {
            Object request = javax();
            Object response = javaxResponse();
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{javax.servlet.AsyncContext.class},
                    (proxy, method, args) -> method.getName().equals("getRequest") ? request
                            : method.getName().equals("getResponse") ? response : null);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object proxy(Class<?> requestType, Class<? extends Enum> dispatcherTypes) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{requestType}, (proxy, method, args) -> {
                if (recycled) {
                    throw new IllegalStateException("this request has been recycled");
                }
                switch (method.getName()) {
                    case "getDispatcherType":
                        return Enum.valueOf(dispatcherTypes, dispatcherType);
                    case "getAttribute":
                        return attributes.get((String) args[0]);
                    case "setAttribute":
                        return attributes.put((String) args[0], args[1]);
                    case "removeAttribute":
                        return attributes.remove((String) args[0]);
                    case "isAsyncStarted":
                        return asyncStarted;
                    case "getMethod":
                        return "GET";
                    case "getServletPath":
                        return servletPath;
                    case "getPathInfo":
                        return pathInfo;
                    default:
                        return null;
                }
            });
        }

        private Object response(Class<?> responseType) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{responseType},
                    (proxy, method, args) -> method.getName().equals("getStatus") ? status : null);
        }
    }
}
