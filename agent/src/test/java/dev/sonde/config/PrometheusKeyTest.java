package dev.sonde.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code prometheus} key: where {@code /metrics} listens, off unless asked for; and
 * {@code prometheus.classic}: which scrapes carry classic buckets.
 */
class PrometheusKeyTest {

    private static Config load(String arguments) throws ConfigException {
        return new ConfigLoader(Map.of(), Map.of()).load(arguments);
    }

    @Test
    void prometheusIsOffByDefault() throws ConfigException {
        assertThat(load("").prometheus()).isNull();
        assertThat(load("prometheus=off").prometheus()).isNull();
    }

    @Test
    void aBarePortListensOnLoopbackOnly() throws ConfigException {
        ListenAddress address = load("prometheus=9464").prometheus();
        assertThat(address.host()).isEqualTo("127.0.0.1");
        assertThat(address.port()).isEqualTo(9464);
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0:9464, 0.0.0.0, 9464", "myhost:1234, myhost, 1234", "'[::1]:9464', ::1, 9464",
            "127.0.0.1:0, 127.0.0.1, 0"})
    void hostAndPortAreTakenAsGiven(String text, String host, int port) throws ConfigException {
        ListenAddress address = load("prometheus=" + text).prometheus();
        assertThat(address.host()).isEqualTo(host);
        assertThat(address.port()).isEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "70000", "-1", "host:", ":9464", "host:abc", "::1:9464"})
    void anythingElseIsRefusedWithTheFormsThatWork(String text) {
        assertThatThrownBy(() -> load("prometheus=" + text))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid value '" + text + "' for prometheus: expected a port (binds 127.0.0.1)"
                        + " or host:port, e.g. 9464 or 0.0.0.0:9464, or off");
    }

    @Test
    void theEnvironmentCanTurnItOn() throws ConfigException {
        Config config = new ConfigLoader(Map.of(), Map.of("SONDE_PROMETHEUS", "9464")).load("");
        assertThat(config.prometheus()).hasToString("127.0.0.1:9464");
    }

    @Test
    void classicBucketsGoWhereTheyAreKeptUnlessAskedForAlways() throws ConfigException {
        assertThat(load("prometheus=9464").prometheusClassic()).isEqualTo(PrometheusClassic.AUTO);
        assertThat(load("prometheus=9464,prometheus.classic=ALWAYS").prometheusClassic()).isEqualTo(PrometheusClassic.ALWAYS);
        assertThat(new ConfigLoader(Map.of("sonde.prometheus.classic", "always"), Map.of()).load("").prometheusClassic())
                .isEqualTo(PrometheusClassic.ALWAYS);
    }

    @Test
    void aClassicValueOtherThanAutoOrAlwaysIsRefused() {
        assertThatThrownBy(() -> load("prometheus=9464,prometheus.classic=on"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid value 'on' for prometheus.classic: expected auto or always");
    }
}
