package dev.sonde.instrument;

import dev.sonde.bootstrap.Log;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one transformer sonde registers with the JVM for its instrumentation: it hands every class
 * being loaded or retransformed to the Byte Buddy transformer of the current configuration, once
 * there is one ({@link GatedInstrumentation} plugs it in and out).
 *
 * <p>It exists so that sonde can set up on a thread of its own while the application starts: with
 * {@code -javaagent}, building the instrumentation takes a few hundred milliseconds, most of them
 * Byte Buddy's own start, and an application need not wait for that before its {@code main}. Until
 * the set-up is complete, a class being loaded that the configuration may select
 * ({@link TransformCandidates}) waits for it, so that its first call is timed like any later one;
 * every other class loads at once (the JDK's, a framework's launcher and most of its classes).
 *
 * <p>The wait is bounded ({@link #WAIT_LIMIT_SECONDS}): a class that waited that long loads unchanged
 * and, like every class loaded before the transformer was plugged in, gets its advice from the
 * retransformation that installing it makes, as {@code attach} does with the classes it finds loaded.
 * The thread that sets up never waits for itself, and no thread waits once the set-up has ended,
 * failed or not. Thread-safe; once sonde has started, a class costs one volatile read before the
 * delegate runs.
 */
public final class TransformerGate implements ClassFileTransformer {

    /** Past this, a class loads unchanged and gets its advice when the set-up completes. */
    static final long WAIT_LIMIT_SECONDS = 10;

    private final TransformCandidates candidates;
    private final CountDownLatch setUp = new CountDownLatch(1);
    private final Thread settingUp;
    private volatile ClassFileTransformer delegate;
    private volatile boolean waitedTooLong;

    /**
     * @param candidates the classes that wait while {@code settingUp} builds the instrumentation;
     *                   null when there is nothing to wait for (the set-up runs on the caller's thread)
     */
    private TransformerGate(TransformCandidates candidates, Thread settingUp) {
        this.candidates = candidates;
        this.settingUp = settingUp;
        if (candidates == null) {
            setUp.countDown();
        }
    }

    /** A gate that holds the candidates back until {@link #open} is called from {@code settingUp}. */
    public static TransformerGate holdingBack(TransformCandidates candidates, Thread settingUp) {
        return new TransformerGate(candidates, settingUp);
    }

    /** A gate for a set-up that completes before any class could need it (attach). */
    public static TransformerGate alreadyOpen() {
        return new TransformerGate(null, null);
    }

    /**
     * Registers this gate with the JVM (after sonde's other retransforming transformer, see
     * {@link MethodParametersRestorer}); returns the {@link Instrumentation} to install Byte Buddy's
     * transformers with, which plugs them into this gate instead of registering them.
     */
    public Instrumentation register(Instrumentation jvm) {
        jvm.addTransformer(this, true);
        return new GatedInstrumentation(jvm, this);
    }

    /** After the last configuration was removed (detach). */
    public void unregister(Instrumentation jvm) {
        open();
        jvm.removeTransformer(this);
    }

    /** The set-up has ended (or failed): no class waits any more. */
    public void open() {
        setUp.countDown();
    }

    void plugIn(ClassFileTransformer transformer) {
        delegate = transformer;
    }

    /** Whether {@code transformer} was plugged in; then no class is handed to it any more. */
    boolean unplug(ClassFileTransformer transformer) {
        if (delegate != transformer) {
            return false;
        }
        delegate = null;
        return true;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
        ClassFileTransformer current = delegate;
        if (current == null && mustWait(loader, internalName, classBeingRedefined, classFile)) {
            current = awaitSetUp(internalName);
        }
        return current == null ? null
                : current.transform(module, loader, internalName, classBeingRedefined, domain, classFile);
    }

    private boolean mustWait(ClassLoader loader, String internalName, Class<?> classBeingRedefined, byte[] classFile) {
        return setUp.getCount() > 0 && !waitedTooLong && classBeingRedefined == null && internalName != null
                && Thread.currentThread() != settingUp && candidates.mayTransform(internalName, loader, classFile);
    }

    private ClassFileTransformer awaitSetUp(String internalName) {
        try {
            if (!setUp.await(WAIT_LIMIT_SECONDS, TimeUnit.SECONDS) && !waitedTooLong) {
                waitedTooLong = true;
                Log.error("still setting up after " + WAIT_LIMIT_SECONDS + " s; " + internalName.replace('/', '.')
                        + " and the classes loaded until then are timed once the set-up completes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return delegate;
    }
}
