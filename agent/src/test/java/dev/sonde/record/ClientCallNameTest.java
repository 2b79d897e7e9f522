package dev.sonde.record;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientCallNameTest {

    @Test
    void idLikeSegmentsCollapseAndTheQueryAndFragmentAreDropped() {
        assertThat(ClientCallName.route("/items/42?token=secret#top")).isEqualTo("/items/{id}");
        assertThat(ClientCallName.route("/owners/3f2b8c1e-9a4d-4c2e-8f11-0a1b2c3d4e5f/pets/7"))
                .isEqualTo("/owners/{id}/pets/{id}");
        assertThat(ClientCallName.route("/blobs/0123456789abcdef0123")).isEqualTo("/blobs/{id}");
        assertThat(ClientCallName.route("/items/list")).isEqualTo("/items/list");
    }

    @Test
    void aWholeUrlGivesItsPathWithoutSchemeUserInfoOrAuthority() {
        assertThat(ClientCallName.path("http://user:pw@example.com:8080/items/1?q=x")).isEqualTo("/items/1");
        assertThat(ClientCallName.route("https://example.com")).isEqualTo("/");
        assertThat(ClientCallName.route("https://example.com?q=/a/b")).isEqualTo("/");
        assertThat(ClientCallName.route("http://example.com#/frag/1")).isEqualTo("/");
        assertThat(ClientCallName.route(null)).isEqualTo("/");
        assertThat(ClientCallName.route("")).isEqualTo("/");
    }

    @Test
    void theServerIsHostAndPortWithTheSchemesPortWhenNoneIsGiven() {
        assertThat(ClientCallName.hostPort("http", "127.0.0.1", 8080)).isEqualTo("127.0.0.1:8080");
        assertThat(ClientCallName.hostPort("http", "Example.COM", -1)).isEqualTo("example.com:80");
        assertThat(ClientCallName.hostPort("https", "example.com", -1)).isEqualTo("example.com:443");
        assertThat(ClientCallName.hostPort("http", "::1", 9000)).isEqualTo("[::1]:9000");
        assertThat(ClientCallName.hostPort("http", "[::1]", 9000)).isEqualTo("[::1]:9000");
        assertThat(ClientCallName.hostPort(null, null, -1)).isEqualTo("(unknown host):80");
    }

    @Test
    void theNameIsMethodServerAndRoute() {
        assertThat(ClientCallName.of("GET", "127.0.0.1:8080", "/items/{id}")).isEqualTo("GET 127.0.0.1:8080 /items/{id}");
    }
}
