package dev.sonde.instrument;

import dev.sonde.config.ConfigException;
import dev.sonde.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransformerGateTest {

    private static final byte[] TRANSFORMED = {42};
    private static final ClassFileTransformer MARKING = new ClassFileTransformer() {
        @Override
        public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                ProtectionDomain domain, byte[] classFile) {
            return TRANSFORMED;
        }
    };

    private final ClassLoader application = getClass().getClassLoader();
    private final Thread settingUp = new Thread(() -> { });

    @Test
    void aClassAnIncludeSelectsWaitsForTheSetUpAndGetsTheTransformerItPluggedIn() throws Exception {
        TransformerGate gate = TransformerGate.holdingBack(candidates("include=com.acme.shop.**"), settingUp);
        CompletableFuture<byte[]> loading = CompletableFuture.supplyAsync(() -> load(gate, "com/acme/shop/Cart"));

        assertThatThrownBy(() -> loading.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        gate.plugIn(MARKING);
        gate.open();

        assertThat(loading.get(10, TimeUnit.SECONDS)).isEqualTo(TRANSFORMED);
    }

    @Test
    void aClassNothingSelectsLoadsAtOnceWhileSondeSetsUp() throws Exception {
        TransformerGate gate = TransformerGate.holdingBack(candidates("include=com.acme.shop.**"), settingUp);

        assertThat(CompletableFuture.supplyAsync(() -> load(gate, "org/other/Launcher")).get(10, TimeUnit.SECONDS))
                .isNull();
    }

    @Test
    void theThreadThatSetsUpNeverWaitsForItself() throws Exception {
        TransformerGate gate = TransformerGate.holdingBack(candidates("include=com.acme.shop.**"),
                Thread.currentThread());

        assertThat(load(gate, "com/acme/shop/Cart")).isNull();
    }

    @Test
    void aSetUpThatFailedLetsEveryClassLoadUnchanged() throws Exception {
        TransformerGate gate = TransformerGate.holdingBack(candidates("include=com.acme.shop.**"), settingUp);
        gate.open();

        assertThat(load(gate, "com/acme/shop/Cart")).isNull();
    }

    @Test
    void byteBuddysRegistrationsGoIntoTheGateNotToTheJvm() {
        List<String> jvmCalls = new ArrayList<>();
        Instrumentation jvm = (Instrumentation) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> {
                    jvmCalls.add(method.getName());
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
        TransformerGate gate = TransformerGate.alreadyOpen();
        Instrumentation forByteBuddy = gate.register(jvm);

        forByteBuddy.addTransformer(MARKING, true);
        assertThat(load(gate, "com/acme/shop/Cart")).isEqualTo(TRANSFORMED);
        assertThat(forByteBuddy.removeTransformer(MARKING)).isTrue();
        assertThat(load(gate, "com/acme/shop/Cart")).isNull();
        assertThat(forByteBuddy.removeTransformer(MARKING)).isFalse();

        assertThat(jvmCalls).containsExactly("addTransformer");
        gate.unregister(jvm);
        assertThat(jvmCalls).containsExactly("addTransformer", "removeTransformer");
    }

    private byte[] load(TransformerGate gate, String internalName) {
        try {
            return gate.transform(null, application, internalName, null, null, new byte[0]);
        } catch (IllegalClassFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TransformCandidates candidates(String arguments) throws ConfigException {
        return new TransformCandidates(new ConfigLoader(Map.of(), Map.of())
                .load(arguments + ",http=off,jdbc=off,http.client=off"));
    }
}
