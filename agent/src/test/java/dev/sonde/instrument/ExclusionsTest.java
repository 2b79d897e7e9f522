package dev.sonde.instrument;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What docs/configuration.md ("What is never instrumented") says about class names, held to the code. */
class ExclusionsTest {

    @ParameterizedTest(name = "{0} excluded: {1}")
    @CsvSource({
        // JDK proxies: $Proxy and digits at the end, in whatever package their interfaces need
        "com.sun.proxy.$Proxy12,                      true",
        "com.acme.$Proxy7,                            true",
        "jdk.proxy2.$Proxy15,                         true",
        // hand-written classes named like proxies are the application's
        "com.acme.Client$ProxySettings,               false",
        "com.acme.Client$Proxy,                       false",
        "com.acme.ProxyFactory,                       false",
        "com.acme.$ProxyCache,                        false",
    })
    void onlyJdkProxiesAreSkippedNotClassesWhoseNameStartsWithProxy(String className, boolean excluded) {
        assertThat(Exclusions.isExcluded(className)).isEqualTo(excluded);
    }

    @ParameterizedTest(name = "{0} excluded: {1}")
    @CsvSource({
        "java.util.HashMap,                           true",
        "jdk.internal.misc.Unsafe,                    true",
        "sun.misc.Unsafe,                             true",
        "dev.sonde.record.Frame,                      true",
        // the JDK's own classes there are loaded by the bootstrap or platform loader, which sonde ignores;
        // by name, these packages hold application classes like any other
        "com.sun.jersey.spi.container.ServletContainer, false",
        "com.sun.mail.smtp.SMTPTransport,             false",
        "javax.management.acme.Probe,                 false",
        "javax.servlet.http.HttpServlet,              false",
    })
    void byNameOnlyTheJdkPackagesAndSondeAreExcludedNotComSunOrJavaxManagement(String className, boolean excluded) {
        assertThat(Exclusions.isExcluded(className)).isEqualTo(excluded);
    }

    @ParameterizedTest(name = "{0} excluded: {1}")
    @CsvSource({
        // Hibernate 7 (and 6 without its legacy names): the entity's name and a fixed suffix
        "com.acme.clinic.Pet$HibernateProxy,                          true",
        "com.acme.clinic.Pet$HibernateInstantiator,                   true",
        "com.acme.clinic.Money$HibernateBasicProxy,                   true",
        // access optimizers: the entity's properties after the suffix
        "com.acme.clinic.Pet$HibernateAccessOptimizer5id4kind4name,   true",
        "com.acme.clinic.Base$HibernateAccessOptimizerBridge2id,      true",
        "com.acme.clinic.Pet$HibernateAccessOptimizer,                true",
        // earlier versions, and legacy names: a generated suffix after it
        "com.acme.clinic.Pet$HibernateProxy$Zx8FtQ2p,                 true",
        "com.acme.clinic.Pet$HibernateInstantiator$Kq3Lm9Rt,          true",
        // an entity nested in a class whose name merely contains the words
        "com.acme.clinic.Cfg$HibernateProxyConfig$Pet$HibernateProxy, true",
        // hand-written classes whose names merely contain the words
        "com.acme.clinic.SpringHibernateInstantiator,                 false",
        "com.acme.clinic.Config$HibernateProxyFactory,                false",
        "com.acme.clinic.HibernateProxyAware,                         false",
    })
    void hibernatesGeneratedClassesAreSkippedByTheirSuffixes(String className, boolean excluded) {
        assertThat(Exclusions.isExcluded(className)).isEqualTo(excluded);
    }

    @ParameterizedTest(name = "{0} warned at start: {1}")
    @CsvSource({
        "java.util.*,                 true",
        "com.sun.proxy.*,             true",
        "com.sun.jersey.**,           false",
        "javax.management.**,         false",
    })
    void anIncludeIsSaidToNameJdkClassesAtStartExactlyForThePackagesExcludedByName(String typePattern,
                                                                                   boolean warned) {
        assertThat(Exclusions.coversOnlyExcludedPackages(typePattern)).isEqualTo(warned);
    }
}
