package com.acme.agent;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicLong;

import static net.bytebuddy.matcher.ElementMatchers.named;

/**
 * A second, plain Byte Buddy agent (unrelocated {@code net.bytebuddy}, from the application class
 * path) that counts the calls of one method with its own inlined advice and prints the count at
 * exit. Agent argument: {@code ClassName#method}.
 */
public final class CountingAgent {

    public static final AtomicLong CALLS = new AtomicLong();

    private CountingAgent() {
    }

    public static void premain(String argument, Instrumentation instrumentation) {
        String[] target = argument.split("#");
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .type(named(target[0]))
                .transform((builder, type, loader, module, domain) ->
                        builder.visit(Advice.to(CountCall.class).on(named(target[1]))))
                .installOn(instrumentation);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                System.out.println("counting-agent saw " + CALLS.get() + " calls of " + argument)));
    }

    /** Inlined into the counted method. */
    static final class CountCall {
        @Advice.OnMethodEnter
        static void count() {
            CALLS.incrementAndGet();
        }
    }
}
