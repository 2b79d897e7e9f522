package dev.sonde.it;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
