package dev.sonde.instrument;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IgnoredClassesTest {

    private final ClassLoader application = getClass().getClassLoader();
    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();

    @Test
    void theJdksOwnClassesAreIgnoredExceptTheHttpServersFilterChain() {
        IgnoredClasses ignored = new IgnoredClasses(false);

        assertThat(ignored.ignores("java.lang.Thread", null)).isTrue();
        assertThat(ignored.ignores("javax.sql.RowSet", platform)).isTrue();
        assertThat(ignored.ignores("com.sun.net.httpserver.Filter$Chain", null)).isFalse();
    }

    @Test
    void theJdksHttpClientsAreLetThroughOnlyWhenTheyAreTimed() {
        IgnoredClasses withClients = new IgnoredClasses(true);
        IgnoredClasses withoutClients = new IgnoredClasses(false);

        assertThat(withClients.ignores(HttpClientInstrumentation.JDK_HTTP_CLIENT, platform)).isFalse();
        assertThat(withClients.ignores(HttpClientInstrumentation.JDK_URL_CONNECTION, null)).isFalse();
        assertThat(withoutClients.ignores(HttpClientInstrumentation.JDK_HTTP_CLIENT, platform)).isTrue();
        assertThat(withoutClients.ignores(HttpClientInstrumentation.JDK_URL_CONNECTION, null)).isTrue();
    }

    @Test
    void applicationClassesAreIgnoredOnlyWhenExcludedByName() {
        IgnoredClasses ignored = new IgnoredClasses(true);

        assertThat(ignored.ignores("com.acme.Shop", application)).isFalse();
        assertThat(ignored.ignores("javax.servlet.http.HttpServlet", application)).isFalse();
        assertThat(ignored.ignores("com.acme.Shop$$Lambda$12", application)).isTrue();
        assertThat(ignored.ignores("dev.sonde.bootstrap.Recorder", application)).isTrue();
        assertThat(ignored.ignores("java.lang.Thread", application)).isTrue();
    }
}
