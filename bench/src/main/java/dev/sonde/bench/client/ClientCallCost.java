package dev.sonde.bench.client;

import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * What sonde adds to one outbound HTTP call of a client it knows: OkHttp, whose calls here never
 * reach the network (an application interceptor answers each one), executed in a loop, run once
 * without the agent, once with {@code http.client=off} and once with {@code http.client=on}; the
 * difference is sonde's. The URLs repeat (ids 0 to 99 under one route), as a service's do. Prints
 * nanoseconds and bytes allocated per call:
 *
 * <pre>java -javaagent:agent/target/sonde-agent.jar=http.client=on -cp bench/target/benchmarks.jar dev.sonde.bench.client.ClientCallCost</pre>
 */
public final class ClientCallCost {

    private static final int WARM_UP = 1_000_000;
    private static final int MEASURED = 2_000_000;
    private static final int ROUNDS = 5;
    private static final int IDS = 100;
    private static final byte[] NO_BYTES = new byte[0];

    private ClientCallCost() {
    }

    public static void main(String[] args) throws IOException {
        OkHttpClient client = new OkHttpClient.Builder()
                .addInterceptor(chain -> new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1)
                        .code(200).message("OK").body(ResponseBody.create(NO_BYTES, null)).build())
                .build();
        Request[] requests = new Request[IDS];
        for (int id = 0; id < IDS; id++) {
            requests[id] = new Request.Builder().url("http://127.0.0.1:8080/items/" + id + "?page=1").build();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        loop(client, requests, WARM_UP);
        double best = Double.MAX_VALUE;
        long bytes = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            loop(client, requests, MEASURED);
            best = Math.min(best, (System.nanoTime() - start) / (double) MEASURED);
            bytes = Math.min(bytes, threads.getCurrentThreadAllocatedBytes() - allocated);
        }
        System.out.printf("okhttp call %7.1f ns/call  %7.1f B/call%n", best, bytes / (double) MEASURED);
    }

    private static int loop(OkHttpClient client, Request[] requests, int times) throws IOException {
        int codes = 0;
        for (int i = 0; i < times; i++) {
            try (Response response = client.newCall(requests[i % IDS]).execute()) {
                codes += response.code();
            }
        }
        return codes;
    }
}
