package dev.sonde.cli;

import dev.sonde.control.PublishedProperties;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetJvmTest {

    @Test
    void aPidIsAPositiveWholeNumber() throws UsageException {
        assertThat(TargetJvm.parsePid(" 4242 ")).isEqualTo(4242);
        assertThatThrownBy(() -> TargetJvm.parsePid("app")).isInstanceOf(UsageException.class)
                .hasMessage("'app' is not a process id (find it with: java -jar sonde-agent.jar list)");
        assertThatThrownBy(() -> TargetJvm.parsePid("-1")).isInstanceOf(UsageException.class);
    }

    @Test
    void thisCommandItselfIsNoTarget() {
        assertThatThrownBy(() -> TargetJvm.at(String.valueOf(ProcessHandle.current().pid())))
                .isInstanceOf(TargetException.class).hasMessageEndingWith("is this sonde command itself");
    }

    @Test
    void aJvmOlderThanJava11CannotLoadSonde() {
        assertThatThrownBy(() -> TargetJvm.checkJavaVersion(42, properties("java.specification.version", "1.8")))
                .isInstanceOf(TargetException.class).hasMessage("JVM 42 runs Java 8; sonde needs Java 11 or newer");
        assertThatCode(() -> TargetJvm.checkJavaVersion(42, properties("java.specification.version", "11"))).doesNotThrowAnyException();
        assertThatCode(() -> TargetJvm.checkJavaVersion(42, properties("java.specification.version", "25"))).doesNotThrowAnyException();
    }

    @Test
    void sondeRunsWhereItPublishedItsVersion() throws TargetException {
        assertThat(TargetJvm.requireSonde(42, properties(PublishedProperties.VERSION, "0.1.0"))).isEqualTo("0.1.0");
        assertThatThrownBy(() -> TargetJvm.requireSonde(42, new Properties()))
                .hasMessage("sonde is not running in JVM 42; start it with: java -jar sonde-agent.jar attach 42 include=<patterns>");
    }

    @Test
    void aJvmCatchesTheAttachSignalAndOtherProcessesNeedNot() {
        assertThat(TargetJvm.catchesSignal(ProcessHandle.current().pid(), 3)).contains(true);
        assertThat(TargetJvm.catchesSignal(Long.MAX_VALUE, 3)).isEmpty();
    }

    private static Properties properties(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }
}
