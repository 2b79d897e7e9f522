package dev.sonde.control;

import dev.sonde.config.Config;
import dev.sonde.config.ConfigException;
import dev.sonde.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's life in this JVM, on an {@link Instrumentation} that has no classes to transform. */
class RunningAgentTest {

    @TempDir
    Path out;

    @Test
    void aReconfigurationThatCannotBeInstalledLeavesThePreviousOneRunning() {
        FakeInstrumentation instrumentation = new FakeInstrumentation();
        String arguments = "include=com.acme.OrderService#place,out=" + out;
        String started = RunningAgent.start(arguments, load(arguments), instrumentation, false);
        assertThat(started).startsWith("ok ");
        RunningAgent agent = (RunningAgent) dev.sonde.bootstrap.AgentHandle.running();
        int transformersBefore = instrumentation.transformers.size();
        try {
            // A reconfiguration asks twice: to remove the running configuration, then to install the new one.
            instrumentation.refuseRetransformationAtAsk = 2;
            String reply = agent.apply(AgentRequest.start("include=com.acme.PaymentService#charge").encode());

            assertThat(reply).startsWith("error ").contains("sonde goes on as it was");
            assertThat(agent.config().includes()).hasToString("[com.acme.OrderService#place]");
            assertThat(instrumentation.transformers).as("the previous configuration installed again, once")
                    .hasSize(transformersBefore);
            assertThat(agent.apply(AgentRequest.start("include=com.acme.PaymentService#charge").encode()))
                    .as("a later reconfiguration works").startsWith("ok ");
            assertThat(agent.config().includes()).hasToString("[com.acme.PaymentService#charge]");
        } finally {
            assertThat(agent.apply(AgentRequest.detach().encode())).startsWith("ok ");
        }
        assertThat(instrumentation.transformers).as("nothing of sonde stays registered").isEmpty();
    }

    @Test
    void requestsAfterDetachAreRefused() {
        FakeInstrumentation instrumentation = new FakeInstrumentation();
        String arguments = "out=" + out;
        RunningAgent.start(arguments, load(arguments), instrumentation, false);
        RunningAgent agent = (RunningAgent) dev.sonde.bootstrap.AgentHandle.running();
        agent.apply(AgentRequest.detach().encode());

        assertThat(agent.apply(AgentRequest.dump(null, false).encode())).isEqualTo("error sonde was detached from this JVM");
        assertThat(dev.sonde.bootstrap.AgentHandle.running()).isNull();
    }

    @Test
    void aMistypedKeyIsWarnedAboutByTheAttachThatGaveItAndGoneAfterTheNextOne() {
        FakeInstrumentation instrumentation = new FakeInstrumentation();
        String arguments = "include=com.acme.OrderService#place,out=" + out;
        RunningAgent.start(arguments, load(arguments), instrumentation, false);
        RunningAgent agent = (RunningAgent) dev.sonde.bootstrap.AgentHandle.running();
        try {
            assertThat(agent.apply(AgentRequest.start("inclde=com.acme.PaymentService#charge").encode())).startsWith("ok ");
            assertThat(agent.config().warnings()).singleElement().asString().contains("unknown key 'inclde'");

            assertThat(agent.apply(AgentRequest.start("").encode())).startsWith("ok ");
            assertThat(agent.config().warnings()).as("a key the new configuration does not set is gone").isEmpty();
            assertThat(agent.config().includes()).hasToString("[com.acme.OrderService#place]");
        } finally {
            agent.apply(AgentRequest.detach().encode());
        }
    }

    private static Config load(String arguments) {
        try {
            return ConfigLoader.fromThisJvm().load(arguments);
        } catch (ConfigException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Retransformation supported, no class loaded; on request, says once that retransformation is
     * not supported, which Byte Buddy asks before it installs or removes a transformer.
     */
    private static final class FakeInstrumentation implements Instrumentation {
        final List<ClassFileTransformer> transformers = new CopyOnWriteArrayList<>();
        /** The ask, counted from now, that is refused; 0 for none. */
        volatile int refuseRetransformationAtAsk;

        @Override
        public void addTransformer(ClassFileTransformer transformer, boolean canRetransform) {
            transformers.add(transformer);
        }

        @Override
        public void addTransformer(ClassFileTransformer transformer) {
            addTransformer(transformer, false);
        }

        @Override
        public boolean removeTransformer(ClassFileTransformer transformer) {
            return transformers.remove(transformer);
        }

        @Override
        public synchronized boolean isRetransformClassesSupported() {
            if (refuseRetransformationAtAsk > 0) {
                refuseRetransformationAtAsk--;
                return refuseRetransformationAtAsk > 0;
            }
            return true;
        }

        @Override
        public void retransformClasses(Class<?>... classes) {
        }

        @Override
        public boolean isRedefineClassesSupported() {
            return true;
        }

        @Override
        public void redefineClasses(ClassDefinition... definitions) {
        }

        @Override
        public boolean isModifiableClass(Class<?> theClass) {
            return true;
        }

        @Override
        public Class<?>[] getAllLoadedClasses() {
            return new Class<?>[0];
        }

        @Override
        public Class<?>[] getInitiatedClasses(ClassLoader loader) {
            return new Class<?>[0];
        }

        @Override
        public long getObjectSize(Object objectToSize) {
            return 0;
        }

        @Override
        public void appendToBootstrapClassLoaderSearch(JarFile jarfile) {
        }

        @Override
        public void appendToSystemClassLoaderSearch(JarFile jarfile) {
        }

        @Override
        public boolean isNativeMethodPrefixSupported() {
            return false;
        }

        @Override
        public void setNativeMethodPrefix(ClassFileTransformer transformer, String prefix) {
        }

        @Override
        public void redefineModule(Module module, Set<Module> extraReads, Map<String, Set<Module>> extraExports,
                                   Map<String, Set<Module>> extraOpens, Set<Class<?>> extraUses,
                                   Map<Class<?>, List<Class<?>>> extraProvides) {
        }

        @Override
        public boolean isModifiableModule(Module module) {
            return true;
        }
    }
}
