package dev.sonde.record;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRecordingTest {

    private static final long MS = 1_000_000;
    private static final String ITEMS = "GET 127.0.0.1:8080 /items/{id}";

    private final OperationRegistry registry = new OperationRegistry(100);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(false, true));

    @Test
    void aClientCallInsideAnotherOnTheSameThreadIsNotCountedAgain() {
        Object outer = recorder.enterClient();
        assertThat(recorder.enterClient()).as("the client the outer one runs on").isNull();
        assertThat(recorder.enterJdbc()).as("a JDBC call has a claim of its own").isNotNull();
        recorder.exitClient(outer, "GET", "http", "127.0.0.1", 8080, "/items/1?x=1", 200, 3 * MS, false);

        Object next = recorder.enterClient();
        assertThat(next).as("the next call is outermost again").isNotNull();
        recorder.exitClient(next, "GET", "http", "127.0.0.1", 8080, "/items/2", 200, 2 * MS, false);

        OperationSnapshot items = recorder.snapshotOf(ITEMS).orElseThrow();
        assertThat(items.count()).isEqualTo(2);
        assertThat(items.kind()).isEqualTo(OperationKind.HTTP_CLIENT);
        assertThat(items.host()).isEqualTo("127.0.0.1:8080");
        assertThat(items.route()).isEqualTo("/items/{id}");
        assertThat(items.statusClasses()[2]).isEqualTo(2);
    }

    @Test
    void aServerErrorOrAThrowWithoutResponseIsAnErrorButAClientErrorIsNot() {
        assertThat(ThreadLocalRecorder.clientError(500, false)).isTrue();
        assertThat(ThreadLocalRecorder.clientError(503, true)).isTrue();
        assertThat(ThreadLocalRecorder.clientError(0, true)).as("connection refused").isTrue();
        assertThat(ThreadLocalRecorder.clientError(404, true)).as("HttpURLConnection throws on a 404").isFalse();
        assertThat(ThreadLocalRecorder.clientError(404, false)).isFalse();
        assertThat(ThreadLocalRecorder.clientError(200, false)).isFalse();
    }

    @Test
    void aCallersSelfTimeLeavesItsClientCallsOut() {
        int caller = registry.register("com.acme.Gateway#fetch", OperationKind.METHOD);
        Object frame = recorder.enter();
        Object call = recorder.enterClient();
        recorder.exitClient(call, "GET", "http", "127.0.0.1", 8080, "/items/1", 200, 7 * MS, false);
        recorder.exit(frame, caller, 10 * MS, false);

        assertThat(recorder.snapshotOf("com.acme.Gateway#fetch").orElseThrow().selfTotalNanos()).isEqualTo(3 * MS);
    }

    @Test
    void anAsynchronousCallEndsWhenItsFutureCompletesWithTheResponsesStatus() {
        CompletableFuture<Object> response = new CompletableFuture<>();
        Object call = recorder.enterClient();
        recorder.exitClientPending(call, "GET", "http", "127.0.0.1", 8080, "/items/1", System.nanoTime(), MS, response);
        assertThat(recorder.snapshotOf(ITEMS).map(OperationSnapshot::count).orElse(0L)).isZero();
        assertThat(recorder.enterClient()).as("the claim ended when sendAsync returned").isNotNull();

        response.completeExceptionally(new java.net.ConnectException("refused"));
        OperationSnapshot items = recorder.snapshotOf(ITEMS).orElseThrow();
        assertThat(items.count()).isEqualTo(1);
        assertThat(items.errors()).isEqualTo(1);
    }

    @Test
    void aRepeatedCallIsLookedUpWithoutAllocating() {
        ClientCalls calls = new ClientCalls(new OperationRegistry(100));
        ClientCalls.Probe probe = new ClientCalls.Probe();
        String path = new String("/items/42");
        int id = calls.operationOf("GET", "http", "127.0.0.1", 8080, path, probe);
        for (int warm = 0; warm < 100_000; warm++) {
            calls.operationOf("GET", "http", "127.0.0.1", 8080, path, probe);
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        int sum = 0;
        for (int call = 0; call < 10_000; call++) {
            sum += calls.operationOf("GET", "http", "127.0.0.1", 8080, path, probe);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(sum).isEqualTo(10_000 * id);
        // The counter's own reading may allocate a little; 10 000 calls at even 1 byte each would be 10 kB.
        assertThat(allocated).isLessThan(1_000);
    }

    @Test
    void aFloodOfDistinctServersEndsInOtherAndTheCacheStaysBounded() {
        OperationRegistry small = new OperationRegistry(3);
        ThreadLocalRecorder capped = new ThreadLocalRecorder(small, new RecordingOptions(false, false));
        for (int host = 0; host < 10; host++) {
            capped.exitClient(capped.enterClient(), "GET", "http", "10.0.0." + host, 80, "/x", 200, MS, false);
        }
        assertThat(small.droppedCount()).isEqualTo(7);
        assertThat(capped.snapshotOf(OperationRegistry.OVERFLOW).orElseThrow().count()).isEqualTo(7);

        ClientCalls calls = new ClientCalls(new OperationRegistry(100));
        ClientCalls.Probe probe = new ClientCalls.Probe();
        for (int id = 0; id < ClientCalls.CACHED_TARGETS + 50; id++) {
            calls.operationOf("GET", "http", "example.com", 80, "/items/" + id, probe);
        }
        assertThat(calls.cachedTargets()).isEqualTo(ClientCalls.CACHED_TARGETS);
        assertThat(calls.operationOf("GET", "http", "example.com", -1, "/items/x1?q", probe))
                .as("the default port and an explicit 80 are one server")
                .isEqualTo(calls.operationOf("GET", "http", "example.com", 80, "/items/x1", probe));
    }
}
