package dev.sonde.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code interval} and {@code keep} keys: interval reports for soak tests. */
class IntervalKeysTest {

    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    private Config load(String arguments) throws ConfigException {
        return new ConfigLoader(systemProperties, environment).load(arguments);
    }

    @Test
    void intervalReportsAreOffAndOneHundredAreKeptByDefault() throws ConfigException {
        Config config = load("");
        assertThat(config.interval()).isZero();
        assertThat(config.keep()).isEqualTo(100);
    }

    @ParameterizedTest
    @CsvSource({"500ms, 500", "60s, 60000", "10m, 600000", "2h, 7200000", "1S, 1000", "100ms, 100", " 30s , 30000"})
    void intervalTakesAWholeNumberAndAUnit(String text, long millis) throws ConfigException {
        assertThat(load("interval=" + text).interval()).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({"off", "OFF", "0"})
    void intervalOffOrZeroMeansNoIntervalReports(String text) throws ConfigException {
        assertThat(load("interval=" + text).interval()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"10", "10x", "-1s", "1.5s", "s", "10 minutes", "60sec"})
    void anIntervalWithoutAKnownUnitIsOneClearError(String text) {
        assertThatThrownBy(() -> load("interval=" + text))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid value '" + text + "' for interval: expected a duration such as 500ms, 60s, 10m or 1h, or off");
    }

    @Test
    void anIntervalShorterThanOneHundredMillisecondsIsRefused() {
        assertThatThrownBy(() -> load("interval=50ms"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid value '50ms' for interval: the shortest interval is 100ms");
    }

    @Test
    void keepTakesAPositiveInteger() throws ConfigException {
        assertThat(load("keep=12").keep()).isEqualTo(12);
        assertThatThrownBy(() -> load("keep=0")).hasMessage("invalid value '0' for keep: expected a positive integer");
        assertThatThrownBy(() -> load("keep=all")).hasMessage("invalid value 'all' for keep: expected a positive integer");
    }

    @Test
    void intervalAndKeepComeFromSystemPropertiesAndEnvironmentToo() throws ConfigException {
        systemProperties.put("sonde.interval", "10s");
        environment.put("SONDE_KEEP", "7");
        Config config = load("");
        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.keep()).isEqualTo(7);
    }

    @Test
    void propertiesTheRunningAgentPublishesAboutItselfAreNotConfiguration() throws ConfigException {
        systemProperties.put("sonde.agent.version", "0.1.0");
        systemProperties.put("sonde.agent.include", "com.acme.**");
        Config config = load("");
        assertThat(config.warnings()).isEmpty();
        assertThat(config.includes()).isEmpty();
    }

    @Test
    void durationsAreFormattedAsShortAsTheyAreRead() throws ConfigException {
        for (String text : new String[]{"500ms", "90s", "10m", "2h", "off", "1500ms"}) {
            assertThat(DurationText.format(DurationText.parse(text, Key.INTERVAL))).isEqualTo(text);
        }
    }
}
