package dev.sonde.instrument;

import com.acme.loading.Callables.Declares;
import com.acme.loading.Callables.Inherits;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ClassBeingLoadedTest {

    /** The test classes are named by an include; everything else goes by the default rules (HTTP, JDBC, clients). */
    private static final TransformCandidates CANDIDATES = TransformCandidatesTest.candidates("include=com.acme.loading.**");

    @Test
    void aClassBeingLoadedMatchesOnlyIfItDeclaresAnAdvisedMethod() {
        ImplementationOf callables = new ImplementationOf(Callable.class.getName(), new SupertypeNames(), "call");

        assertThat(whileLoading(Declares.class, type -> callables.matches(type, null, null, null, null))).isTrue();
        assertThat(whileLoading(Inherits.class, type -> callables.matches(type, null, null, null, null))).isFalse();
    }

    @Test
    void withoutTheClassFileTheSupertypesDecide() {
        // A class loaded outside sonde's transformer (or an unreadable class file): the full check.
        ImplementationOf callables = new ImplementationOf(Callable.class.getName(), new SupertypeNames(), "call");

        assertThat(callables.matches(TypeDescription.ForLoadedType.of(Inherits.class), null, null, null, null)).isTrue();
    }

    @Test
    void aNestedTransformationLeavesTheOuterClassFileInPlace() {
        List<Boolean> seen = new ArrayList<>();
        whileLoading(Declares.class, outer -> {
            whileLoading(Inherits.class, inner -> seen.add(ClassBeingLoaded.outlineOf(inner.getName()) != null));
            seen.add(ClassBeingLoaded.outlineOf(outer.getName()) != null);
            return true;
        });

        assertThat(seen).containsExactly(true, true);
        assertThat(ClassBeingLoaded.outlineOf(Declares.class.getName())).isNull();
    }

    @Test
    void aClassBeingRetransformedHasNoOutline() throws Exception {
        List<Boolean> seen = new ArrayList<>();
        ResettableClassFileTransformer transformer = ClassBeingLoaded.aroundTransform(asking(seen), CANDIDATES);

        transformer.transform(null, internalName(Declares.class), Declares.class, null, classFile(Declares.class));

        assertThat(seen).containsExactly(false);
    }

    @Test
    void aJdkClassBeingLoadedNeverReachesByteBuddy() throws Exception {
        List<Boolean> seen = new ArrayList<>();
        ResettableClassFileTransformer transformer = ClassBeingLoaded.aroundTransform(asking(seen), CANDIDATES);

        transformer.transform(null, "java/lang/Thread", null, null, new byte[0]);
        transformer.transform(null, "dev/sonde/bootstrap/Recorder", null, null, new byte[0]);
        assertThat(seen).isEmpty();

        transformer.transform(null, "com/sun/net/httpserver/Filter$Chain", null, null, new byte[0]);
        transformer.transform(getClass().getClassLoader(), internalName(Declares.class), null, null,
                classFile(Declares.class));
        assertThat(seen).hasSize(2);
    }

    @Test
    void aClassThatNoRuleCanSelectNeverReachesByteBuddy() throws Exception {
        List<Boolean> seen = new ArrayList<>();
        ResettableClassFileTransformer transformer = ClassBeingLoaded.aroundTransform(asking(seen),
                TransformCandidatesTest.candidates("include=com.acme.other.**"));

        transformer.transform(getClass().getClassLoader(), internalName(Declares.class), null, null,
                classFile(Declares.class));
        assertThat(seen).isEmpty();

        transformer.transform(getClass().getClassLoader(), internalName(Declares.class), Declares.class, null,
                classFile(Declares.class));
        assertThat(seen).as("the same class being retransformed").hasSize(1);
    }

    @Test
    void aClassBeingRetransformedAlwaysReachesByteBuddy() throws Exception {
        List<Boolean> seen = new ArrayList<>();
        ResettableClassFileTransformer transformer = ClassBeingLoaded.aroundTransform(asking(seen), CANDIDATES);

        transformer.transform(null, "java/lang/Thread", Thread.class, null, new byte[0]);

        assertThat(seen).hasSize(1);
    }

    /** Runs {@code check} on {@code type}'s description as sonde's transformer would while loading it. */
    private static boolean whileLoading(Class<?> type, Function<TypeDescription, Boolean> check) {
        boolean[] answer = new boolean[1];
        ResettableClassFileTransformer delegate = new Delegate(() ->
                answer[0] = check.apply(TypeDescription.ForLoadedType.of(type)));
        try {
            ClassBeingLoaded.aroundTransform(delegate, CANDIDATES)
                    .transform(type.getClassLoader(), internalName(type), null, null, classFile(type));
        } catch (IOException | IllegalClassFormatException e) {
            throw new IllegalStateException(e);
        }
        return answer[0];
    }

    private static ResettableClassFileTransformer asking(List<Boolean> seen) {
        return new Delegate(() -> seen.add(ClassBeingLoaded.outlineOf(Declares.class.getName()) != null));
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + internalName(type) + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Stands in for Byte Buddy's transformer: runs the matchers' question, changes nothing. */
    private static final class Delegate extends ResettableClassFileTransformer.AbstractBase {
        private final Runnable duringTransform;

        Delegate(Runnable duringTransform) {
            this.duringTransform = duringTransform;
        }

        @Override
        public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                                byte[] classFile) {
            duringTransform.run();
            return null;
        }

        @Override
        public Iterator<AgentBuilder.Transformer> iterator(TypeDescription type, ClassLoader loader, JavaModule module,
                                                           Class<?> redefined, ProtectionDomain domain) {
            return new ArrayList<AgentBuilder.Transformer>().iterator();
        }

        @Override
        public boolean reset(Instrumentation instrumentation, ResettableClassFileTransformer transformer,
                             AgentBuilder.RedefinitionStrategy strategy,
                             AgentBuilder.RedefinitionStrategy.DiscoveryStrategy discovery,
                             AgentBuilder.RedefinitionStrategy.BatchAllocator allocator,
                             AgentBuilder.RedefinitionStrategy.Listener listener) {
            return false;
        }
    }
}
