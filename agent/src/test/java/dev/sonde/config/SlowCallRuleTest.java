package dev.sonde.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlowCallRuleTest {

    private static Config load(String arguments) throws ConfigException {
        return new ConfigLoader(Map.of(), Map.of()).load(arguments);
    }

    @Test
    void aFixedThresholdIsADuration() throws ConfigException {
        SlowCallRule rule = SlowCallRule.parse("com.acme.Shop#buy>50ms");
        assertThat(rule.operation()).isEqualTo("com.acme.Shop#buy");
        assertThat(rule.byPercentile()).isFalse();
        assertThat(rule.threshold()).isEqualTo(Duration.ofMillis(50));
        assertThat(rule).hasToString("com.acme.Shop#buy>50ms");
    }

    @Test
    void aPercentileThresholdIsResolvedLater() throws ConfigException {
        SlowCallRule rule = SlowCallRule.parse("GET /api/orders > p99.9");
        assertThat(rule.operation()).isEqualTo("GET /api/orders");
        assertThat(rule.byPercentile()).isTrue();
        assertThat(rule.percentile()).isEqualTo(99.9);
        assertThat(rule).hasToString("GET /api/orders>p99.9");
    }

    @Test
    void theThresholdFollowsTheLastGreaterThanSign() throws ConfigException {
        SlowCallRule rule = SlowCallRule.parse("SELECT orders WHERE total > ?>p95");
        assertThat(rule.operation()).isEqualTo("SELECT orders WHERE total > ?");
        assertThat(rule).hasToString("SELECT orders WHERE total > ?>p95");
    }

    @Test
    void theKeyTakesSeveralRulesRepeatedOrSeparatedBySemicolons() throws ConfigException {
        List<SlowCallRule> rules = load("profile.slow=GET /a>p99;com.acme.Shop#buy>2s,profile.slow=GET /b>10ms")
                .profiling().slowCalls();
        assertThat(rules).extracting(SlowCallRule::operation).containsExactly("GET /a", "com.acme.Shop#buy", "GET /b");
    }

    @Test
    void noRuleByDefault() throws ConfigException {
        assertThat(load("").profiling().slowCalls()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "GET /a               | expected <operation>><threshold>",
        ">50ms                | expected <operation>><threshold>",
        "GET /a>              | expected <operation>><threshold>",
        "GET /a>soon          | the threshold is a duration (50ms, 2s) or a percentile (p95, p99)",
        "GET /a>p100          | the percentile must be above p0 and below p100",
        "GET /a>p0            | the percentile must be above p0 and below p100",
        "GET /a>0ms           | the threshold must be longer than 0",
    })
    void aWrongRuleIsOneMessageNamingItAndWhatIsExpected(String text, String why) {
        assertThatThrownBy(() -> SlowCallRule.parse(text))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid profile.slow '" + text + "': " + why + (why.startsWith("expected")
                        ? ", e.g. GET /api/orders>50ms or com.acme.Shop#buy>p99" : ""));
    }

    @Test
    void anOperationNamedTwiceIsAnError() {
        assertThatThrownBy(() -> load("profile.slow=GET /a>p99;GET /a>10ms"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid profile.slow 'GET /a>10ms': the operation 'GET /a' is named twice");
    }
}
