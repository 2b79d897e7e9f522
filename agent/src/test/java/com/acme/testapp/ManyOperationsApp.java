package com.acme.testapp;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;

import java.lang.reflect.Method;

/**
 * Generates {@code classes} classes of {@code methods} methods each (package com.acme.generated),
 * calls every method once, then exits: a report with classes x methods operations. Prints the time
 * the work ended, so a test can measure how long the shutdown report takes.
 */
public final class ManyOperationsApp {

    private ManyOperationsApp() {
    }

    public static void main(String[] args) throws Exception {
        int classes = Integer.parseInt(args[0]);
        int methods = Integer.parseInt(args[1]);
        long calls = 0;
        for (int c = 0; c < classes; c++) {
            var builder = new ByteBuddy().subclass(Object.class).name("com.acme.generated.Generated" + c);
            for (int m = 0; m < methods; m++) {
                builder = builder.defineMethod("m" + m, int.class, Visibility.PUBLIC).intercept(FixedValue.value(m));
            }
            Class<?> type = builder.make()
                    .load(ManyOperationsApp.class.getClassLoader(), ClassLoadingStrategy.Default.INJECTION).getLoaded();
            Object instance = type.getDeclaredConstructor().newInstance();
            for (Method method : type.getDeclaredMethods()) {
                method.invoke(instance);
                calls++;
            }
        }
        System.out.println("calls " + calls);
        System.out.println("work-ended-at " + System.currentTimeMillis());
    }
}
