package dev.sonde.it;

import dev.sonde.export.LibraryLogger;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.utility.OpenedClassReader;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent jar shows the application only the bootstrap package; everything else (sonde's own
 * code and its relocated libraries) is under {@code inst/}, where only sonde's class loader looks.
 */
class AgentJarLayoutIT {

    @Test
    void onlyTheBootstrapPackageIsVisibleAndAllOtherClassesAreSondesOwnOrRelocated() throws IOException {
        List<String> visible = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        try (JarFile jar = new JarFile(TestPaths.agentJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!name.endsWith(".class")) {
                    continue;
                }
                (name.startsWith("inst/") ? hidden : visible).add(name);
            }
        }
        assertThat(visible).isNotEmpty().allMatch(name -> name.startsWith("dev/sonde/bootstrap/"));
        // async-profiler keeps its own package: one.profiler is bound by JNI and must not be relocated.
        assertThat(hidden).isNotEmpty().allMatch(name -> name.startsWith("inst/dev/sonde/") || name.startsWith("inst/one/"));
        assertThat(hidden).anyMatch(name -> name.startsWith("inst/dev/sonde/shaded/bytebuddy/"))
                .anyMatch(name -> name.startsWith("inst/dev/sonde/shaded/jackson/"))
                .anyMatch(name -> name.startsWith("inst/dev/sonde/shaded/jline/"))
                .anyMatch(name -> name.startsWith("inst/dev/sonde/shaded/hdrhistogram/"))
                .anyMatch(name -> name.startsWith("inst/dev/sonde/shaded/prometheus/metrics/exporter/"))
                // The protobuf writer, with the protobuf runtime the client library shades itself.
                .anyMatch(name -> name.startsWith("inst/dev/sonde/shaded/prometheus/metrics/expositionformats/internal/"))
                // The OpenTelemetry SDK's exporter with its JDK HttpClient sender; no OkHttp, no Kotlin.
                .anyMatch(name -> name.startsWith("inst/dev/sonde/shaded/opentelemetry/exporter/otlp/http/metrics/"))
                .anyMatch(name -> name.startsWith("inst/dev/sonde/shaded/opentelemetry/exporter/sender/jdk/"))
                .noneMatch(name -> name.contains("/okhttp3/") || name.contains("/kotlin/") || name.contains("/sender/okhttp/"))
                .anyMatch(name -> name.equals("inst/one/profiler/AsyncProfiler.class"))
                .noneMatch(name -> name.startsWith("inst/dev/sonde/bootstrap/"));
    }

    /**
     * The libraries' uses of {@code java.util.logging.Logger} go to sonde's stand-in (a real logger
     * would choose the JVM's LogManager for the application), and every method they call on it exists.
     */
    @Test
    void noClassUsesTheJdksLoggerAndTheStandInHasEveryMethodCalledOnIt() throws Exception {
        Set<String> standIn = new HashSet<>();
        for (Method method : LibraryLogger.class.getDeclaredMethods()) {
            standIn.add(method.getName() + Type.getMethodDescriptor(method));
        }
        Set<String> called = new TreeSet<>();
        List<String> usingTheJdksLogger = new ArrayList<>();
        try (JarFile jar = new JarFile(TestPaths.agentJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().endsWith(".class")) {
                    byte[] bytes = jar.getInputStream(entry).readAllBytes();
                    if (JDK_LOGGER.matcher(new String(bytes, StandardCharsets.ISO_8859_1)).find()) {
                        usingTheJdksLogger.add(entry.getName());
                    }
                    if (!entry.getName().endsWith(STAND_IN + ".class")) {
                        called.addAll(callsOnTheStandIn(bytes));
                    }
                }
            }
        }
        assertThat(usingTheJdksLogger).isEmpty();
        assertThat(called).as("the libraries call the stand-in").contains("getLogger(Ljava/lang/String;)L"
                + STAND_IN + ";");
        assertThat(standIn).containsAll(called);
    }

    private static final String STAND_IN = LibraryLogger.class.getName().replace('.', '/');
    private static final Pattern JDK_LOGGER = Pattern.compile("java/util/logging/Logger(?![A-Za-z])");

    private static Set<String> callsOnTheStandIn(byte[] classFile) {
        Set<String> calls = new HashSet<>();
        OpenedClassReader.of(classFile).accept(new ClassVisitor(OpenedClassReader.ASM_API) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(OpenedClassReader.ASM_API) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                                                boolean isInterface) {
                        if (owner.equals(STAND_IN)) {
                            calls.add(method + methodDescriptor);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return calls;
    }

    @Test
    void manifestDeclaresEveryEntryPointAndRetransformation() throws IOException {
        try (JarFile jar = new JarFile(TestPaths.agentJar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Premain-Class")).isEqualTo("dev.sonde.bootstrap.SondeAgent");
            assertThat(main.getValue("Agent-Class")).isEqualTo("dev.sonde.bootstrap.SondeAgent");
            assertThat(main.getValue("Main-Class")).isEqualTo("dev.sonde.bootstrap.SondeAgent");
            assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(main.getValue("Launcher-Agent-Class")).isNull();
            assertThat(main.getValue("Sonde-Build")).as("the build checksum attach compares").matches("[0-9a-f]{64}");
        }
    }

    @Test
    void sondesOwnClassesAreJava11Bytecode() throws IOException {
        try (JarFile jar = new JarFile(TestPaths.agentJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                boolean ours = name.endsWith(".class") && name.contains("dev/sonde/") && !name.contains("/shaded/");
                if (ours) {
                    assertThat(majorVersion(jar, entry)).as(name).isEqualTo(55);
                }
            }
        }
    }

    private static int majorVersion(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry); DataInputStream data = new DataInputStream(in)) {
            data.readInt();
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
