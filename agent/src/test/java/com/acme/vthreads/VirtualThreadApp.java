package com.acme.vthreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs {@link Work} {@link #CALLS} times on two platform threads and {@link #CALLS} times on virtual
 * threads (JDK 21+, reached by reflection: the tests compile for 17), then prints how many virtual
 * calls resumed on another carrier than they started on.
 */
public final class VirtualThreadApp {

    public static final int CALLS = 200;

    private VirtualThreadApp() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService platform = Executors.newFixedThreadPool(2);
        run(platform, true);
        platform.shutdown();
        ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                .invoke(null);
        long moved = run(virtual, false);
        virtual.shutdown();
        System.out.println("virtual calls that moved carriers: " + moved);
    }

    private static long run(ExecutorService executor, boolean onPlatform) throws Exception {
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            int id = i;
            calls.add(executor.submit(() -> onPlatform ? Work.onPlatformThread(id) : Work.onVirtualThread(id)));
        }
        long moved = 0;
        for (Future<String> call : calls) {
            moved += call.get().equals("moved") ? 1 : 0;
        }
        return moved;
    }
}
