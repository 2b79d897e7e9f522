package dev.sonde.export;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OtlpResourceTest {

    @ParameterizedTest
    @CsvSource({"com.acme.shop.ShopApplication, com.acme.shop.ShopApplication",
            "/srv/shop/shop-service.jar, shop-service", "app.jar, app", "'', unknown_service:java"})
    void withoutOtlpServiceTheServiceIsTheMainClassOrTheJarsName(String command, String service) {
        assertThat(OtlpResource.defaultService(command)).isEqualTo(service);
    }
}
