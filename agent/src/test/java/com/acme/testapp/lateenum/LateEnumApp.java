package com.acme.testapp.lateenum;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Calls {@link Orders#place} in a loop from the start; once a file {@code settings} appears in the
 * control directory (first argument) it sets the setting {@link Level} needs and uses the enum, as an
 * application does once its configuration is read. Ends when a file {@code stop} appears (or after
 * 60 s), printing whether {@link Level} worked.
 */
public final class LateEnumApp {

    private LateEnumApp() {
    }

    public static void main(String[] args) throws Exception {
        Path control = Paths.get(args[0]);
        Orders orders = new Orders();
        long deadline = System.nanoTime() + 60_000_000_000L;
        long sum = 0;
        boolean configured = false;
        System.out.println("ready");
        while (!Files.exists(control.resolve("stop")) && System.nanoTime() < deadline) {
            sum += orders.place((int) sum);
            if (!configured && Files.exists(control.resolve("settings"))) {
                System.setProperty("lateenum.limit", "5");
                configured = true;
                try {
                    System.out.println("level " + Level.HIGH + " limit " + Level.LIMIT);
                } catch (Throwable broken) {
                    System.out.println("level broken: " + broken);
                }
            }
            Thread.sleep(1);
        }
        System.out.println("stopped " + (sum != 42));
    }
}
