package dev.sonde.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code otlp} keys: an OTLP/HTTP endpoint, the time between pushes, headers and the service name. */
class OtlpKeysTest {

    private static Config load(String arguments) throws ConfigException {
        return new ConfigLoader(Map.of(), Map.of()).load(arguments);
    }

    @Test
    void otlpIsOffByDefault() throws ConfigException {
        assertThat(load("").otlp()).isNull();
        assertThat(load("otlp=off").otlp()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"http://collector:4318, http://collector:4318/v1/metrics",
            "http://collector:4318/, http://collector:4318/v1/metrics",
            "https://otlp.example.com/v1/metrics, https://otlp.example.com/v1/metrics",
            "HTTP://127.0.0.1:4318/custom/path, HTTP://127.0.0.1:4318/custom/path"})
    void anEndpointWithoutAPathGetsTheMetricsPath(String text, String endpoint) throws ConfigException {
        assertThat(load("otlp=" + text).otlp().endpoint()).hasToString(endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://collector:4318", "abc", "collector:4318", "http://", "http://bad host/"})
    void anEndpointThatIsNoHttpUrlIsRefused(String text) {
        assertThatThrownBy(() -> load("otlp=" + text)).isInstanceOf(ConfigException.class)
                .hasMessage("invalid value '" + text + "' for otlp: expected the http:// or https:// URL of an"
                        + " OTLP/HTTP receiver, e.g. http://127.0.0.1:4318, or off");
    }

    @Test
    void pushesComeEveryMinuteUnlessToldAndNeverMoreOftenThanEverySecond() throws ConfigException {
        assertThat(load("otlp=http://c:4318").otlp().interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(load("otlp=http://c:4318,otlp.interval=15s").otlp().interval()).isEqualTo(Duration.ofSeconds(15));
        assertThatThrownBy(() -> load("otlp=http://c:4318,otlp.interval=500ms"))
                .hasMessage("invalid value '500ms' for otlp.interval: the shortest is 1s");
    }

    @Test
    void headersArePairsSeparatedBySemicolonsSplitAtTheFirstEquals() throws ConfigException {
        OtlpSettings otlp = load("otlp=http://c:4318,otlp.headers=Authorization=Bearer abc==; X-Tenant = shop").otlp();
        assertThat(otlp.headers()).containsExactly(Map.entry("Authorization", "Bearer abc=="), Map.entry("X-Tenant", "shop"));
    }

    @Test
    void headersFromASystemPropertyMayHoldCommas() throws ConfigException {
        Config config = new ConfigLoader(Map.of("sonde.otlp.headers", "Accept-Language=en,fr;X-Tenant=shop"), Map.of())
                .load("otlp=http://c:4318");
        assertThat(config.otlp().headers()).containsEntry("Accept-Language", "en,fr").containsEntry("X-Tenant", "shop");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NoEquals|item 1 is not name=value with a header name of letters, digits and -",
        "A=1;=secret|item 2 is not name=value with a header name of letters, digits and -",
        "Bad Name=secret|item 1 is not name=value with a header name of letters, digits and -",
        "Host=secret|header Host is set by sonde's HTTP client and cannot be given"})
    void aBadHeaderIsRefusedWithoutShowingItsValue(String headers, String why) {
        assertThatThrownBy(() -> load("otlp=http://c:4318,otlp.headers=" + headers))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid value for otlp.headers: " + why + "; expected name=value pairs separated by ';',"
                        + " e.g. Authorization=Bearer <token>;X-Tenant=shop")
                .message().doesNotContain("secret");
    }

    @Test
    void aHeaderValueWithALineBreakIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("sonde.otlp.headers", "X-Token=sec\nret"), Map.of())
                .load("otlp=http://c:4318"))
                .hasMessageContaining("the value of header X-Token holds a control character (not shown)")
                .message().doesNotContain("sec");
    }

    @Test
    void theServiceNameIsTakenAsGivenAndTheSettingsNeverShowHeaderValues() throws ConfigException {
        OtlpSettings otlp = load("otlp=http://c:4318,otlp.service=checkout,otlp.headers=Authorization=Bearer abc").otlp();
        assertThat(otlp.service()).isEqualTo("checkout");
        assertThat(otlp).hasToString("http://c:4318/v1/metrics every 1m with headers [Authorization]");
        assertThat(load("otlp=http://c:4318").otlp().service()).isNull();
    }
}
