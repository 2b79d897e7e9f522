package com.acme.testapp;

import com.acme.testapp.internal.AuditService;

/**
 * The program the integration tests run under the agent: calls each method a known number of times
 * (the tests assert these exact counts), then exits normally with status 0.
 */
public final class TimingApp {

    public static final int PLACE_CALLS = 1000;
    public static final int PLACE_NOTE_CALLS = 300;
    public static final int CHECKSUM_CALLS = 500;
    public static final int COUNT_CALLS = 250;
    public static final int FACTORIAL_CALLS = 100;
    public static final int FACTORIAL_DEPTH = 10;
    public static final int SLEEP_CALLS = 20;
    public static final int SLEEP_MILLIS = 20;
    public static final int FAIL_CALLS = 7;
    public static final int ANNOTATED_CALLS = 40;
    public static final int CHARGE_CALLS = 60;
    public static final int REFUND_CALLS = 30;
    public static final int AUDIT_CALLS = 15;
    public static final int HANDLE_CALLS = 25;
    public static final int THREADS = 4;
    public static final int CALLS_PER_THREAD = 2000;

    private TimingApp() {
    }

    public static void main(String[] args) throws Exception {
        OrderService orders = new OrderService();
        for (int i = 0; i < PLACE_CALLS; i++) {
            orders.place(i);
        }
        for (int i = 0; i < PLACE_NOTE_CALLS; i++) {
            orders.place(i, "note");
        }
        for (int i = 0; i < CHECKSUM_CALLS; i++) {
            OrderService.checksum(i);
        }
        for (int i = 0; i < COUNT_CALLS; i++) {
            orders.count();
        }
        for (int i = 0; i < FACTORIAL_CALLS; i++) {
            orders.factorial(FACTORIAL_DEPTH);
        }
        for (int i = 0; i < SLEEP_CALLS; i++) {
            orders.sleep(SLEEP_MILLIS);
        }
        int caught = 0;
        for (int i = 0; i < FAIL_CALLS; i++) {
            try {
                orders.fail(i);
            } catch (IllegalStateException e) {
                if (e.getMessage().equals("failure " + i)) {
                    caught++;
                }
            }
        }
        for (int i = 0; i < ANNOTATED_CALLS; i++) {
            orders.annotated();
        }
        PaymentService payments = new PaymentService();
        for (int i = 0; i < CHARGE_CALLS; i++) {
            payments.charge(i);
        }
        for (int i = 0; i < REFUND_CALLS; i++) {
            payments.refund(i);
        }
        AuditService audit = new AuditService();
        for (int i = 0; i < AUDIT_CALLS; i++) {
            audit.audit(i);
        }
        Handler handler = new FastHandler();
        for (int i = 0; i < HANDLE_CALLS; i++) {
            handler.handle(i);
        }
        callFromThreads(orders);
        System.out.println("timing-app done, caught " + caught + " of " + FAIL_CALLS);
        if (args.length > 0) {
            awaitFile(java.nio.file.Paths.get(args[0]));
        }
    }

    /** Several threads at once, each ending before exit: their calls must be folded in exactly. */
    /** With a file name as argument, the app stays up, idle, until that file exists. */
    private static void awaitFile(java.nio.file.Path stop) throws InterruptedException {
        while (!java.nio.file.Files.exists(stop)) {
            Thread.sleep(20);
        }
    }

    private static void callFromThreads(OrderService orders) throws InterruptedException {
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    OrderService.checksum(i);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
