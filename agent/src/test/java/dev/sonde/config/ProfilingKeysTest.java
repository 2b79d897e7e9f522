package dev.sonde.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfilingKeysTest {

    private static Config load(String arguments) throws ConfigException {
        return new ConfigLoader(Map.of(), Map.of()).load(arguments);
    }

    @Test
    void profilingIsOffByDefault() throws ConfigException {
        ProfilingConfig profiling = load("").profiling();
        assertThat(profiling.anything()).isFalse();
        assertThat(profiling.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(profiling.cooldown()).isEqualTo(Duration.ofMinutes(5));
        assertThat(profiling.format()).isEqualTo("html");
    }

    @Test
    void everyKeyIsRead() throws ConfigException {
        ProfilingConfig profiling = load("profile=wall,profile.every=10m,profile.duration=20s,profile.event=alloc,"
                + "profile.cooldown=1m,profile.format=collapsed,profile.trigger=com.acme.Svc#m>200ms").profiling();
        assertThat(profiling.wholeRunEvent()).contains("wall");
        assertThat(profiling.every()).isEqualTo(Duration.ofMinutes(10));
        assertThat(profiling.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(profiling.event()).isEqualTo("alloc");
        assertThat(profiling.cooldown()).isEqualTo(Duration.ofMinutes(1));
        assertThat(profiling.format()).isEqualTo("collapsed");
        assertThat(profiling.trigger()).get().hasToString("com.acme.Svc#m>200ms");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "com.acme.OrderService#place>200ms | com.acme.OrderService#place | 100.0 | 200",
        "GET /api/orders>p99:150ms         | GET /api/orders             | 99.0  | 150",
        "GET /api/orders>p99.9:1s          | GET /api/orders             | 99.9  | 1000",
        "a.B#c>max:2s                      | a.B#c                       | 100.0 | 2000",
        "GET /a>b>p50:10ms                 | GET /a>b                    | 50.0  | 10",
    })
    void triggersNameAnOperationAndAThreshold(String text, String operation, double percentile, long millis)
            throws ConfigException {
        ProfileTrigger trigger = ProfileTrigger.parse(text);
        assertThat(trigger.operation()).isEqualTo(operation);
        assertThat(trigger.percentile()).isEqualTo(percentile);
        assertThat(trigger.threshold()).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "profile=gpu                     | invalid value 'gpu' for profile: expected cpu, wall, alloc, lock or itimer",
        "profile.event=heap              | invalid value 'heap' for profile.event: expected cpu, wall, alloc, lock or itimer",
        "profile.format=svg              | invalid value 'svg' for profile.format: expected html, collapsed or jfr",
        "profile.duration=0              | must be longer than 0",
        "profile.every=often             | invalid value 'often' for profile.every",
        "profile.trigger=a.B#c           | invalid profile.trigger 'a.B#c'",
        "profile.trigger=a.B#c>fast      | invalid profile.trigger 'a.B#c>fast'",
        "profile.trigger=>200ms          | invalid profile.trigger '>200ms'",
    })
    void badProfilingValuesAreOneClearError(String arguments, String message) {
        assertThatThrownBy(() -> load(arguments)).isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }

    @Test
    void choicesAreListedAsASentence() {
        assertThat(ProfilingConfig.choices(List.of("html"))).isEqualTo("html");
        assertThat(ProfilingConfig.choices(List.of("html", "jfr"))).isEqualTo("html or jfr");
        assertThat(ProfilingConfig.choices(List.of("html", "collapsed", "jfr"))).isEqualTo("html, collapsed or jfr");
    }
}
