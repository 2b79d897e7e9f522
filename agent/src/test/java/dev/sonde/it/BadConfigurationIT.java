package dev.sonde.it;

import com.acme.testapp.TimingApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever is wrong with the configuration, the application runs and exits as it would without
 * sonde, and sonde says what is wrong in one {@code [sonde]} line.
 */
class BadConfigurationIT {

    static List<Arguments> invalidConfigurations() {
        List<Arguments> cases = new ArrayList<>();
        for (Jdks.Jdk jdk : Jdks.all()) {
            cases.add(Arguments.of(jdk, "include=com.acme..OrderService#place", "invalid pattern 'com.acme..OrderService#place'"));
            cases.add(Arguments.of(jdk, "include=com.acme.testapp.OrderService#", "the method part after '#' is empty"));
            cases.add(Arguments.of(jdk, "include=com.acme.testapp.OrderService,max.operations=lots", "invalid value 'lots' for max.operations"));
            cases.add(Arguments.of(jdk, "include=com.acme.testapp.OrderService,log=chatty", "invalid value 'chatty' for log"));
            cases.add(Arguments.of(jdk, "config=/nonexistent/sonde.properties", "config file /nonexistent/sonde.properties does not exist"));
            cases.add(Arguments.of(jdk, "include", "agent argument 'include' is not key=value"));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidConfigurations")
    void invalidConfigurationDisablesSondeWithOneLineAndTheAppRunsNormally(Jdks.Jdk jdk, String arguments,
                                                                           String expectedMessage) throws Exception {
        Path work = TestPaths.workDirectory("badconfig-" + jdk.major());
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent(arguments)
                .mainClass(TimingApp.class)
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("timing-app done, caught 7 of 7");
        assertThat(result.sondeLines()).as(result.describe()).hasSize(1);
        assertThat(result.sondeLines().get(0))
                .startsWith("[sonde] invalid configuration: ")
                .contains(expectedMessage)
                .endsWith("sonde is disabled, the application runs normally");
        assertThat(result.stderr()).doesNotContain("Exception", "\tat ");
        assertThat(work.resolve("sonde-out")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void unknownKeyIsOneWarningNamingTheNearestKeyAndSondeStillRuns(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("unknownkey-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=com.acme.testapp.PaymentService,exlude=x,out=" + out)
                .mainClass(TimingApp.class)
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.sondeLines()).filteredOn(line -> line.contains("unknown key"))
                .containsExactly("[sonde] unknown key 'exlude' in agent arguments ignored; did you mean 'exclude'?");
        assertThat(ReportFile.onlyIn(out).counts()).containsKey("com.acme.testapp.PaymentService#charge");
        assertThat(ReportFile.onlyIn(out).root().get("warnings").get(0).asText()).contains("exlude");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void configFileSystemPropertyAndEnvironmentAreRead(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("sources-" + jdk.major());
        Files.createDirectories(work);
        Path file = work.resolve("sonde.properties");
        Files.writeString(file, "include=com.acme.testapp.PaymentService#charge\nout=" + work.resolve("from-file") + "\n");
        Path out = work.resolve("from-property");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("config=" + file)
                .jvmOption("-Dsonde.out=" + out)
                .environment("SONDE_EXCLUDE", "com.acme.testapp.OrderService")
                .mainClass(TimingApp.class)
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(work.resolve("from-file")).doesNotExist();
        ReportFile report = ReportFile.onlyIn(out);
        assertThat(report.counts()).containsOnlyKeys("com.acme.testapp.PaymentService#charge");
        assertThat(report.root().get("agent").get("exclude").get(0).asText()).isEqualTo("com.acme.testapp.OrderService");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void unwritableOutFallsBackToTheTemporaryDirectory(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("fallback-" + jdk.major());
        Files.createDirectories(work);
        Path notADirectory = Files.writeString(work.resolve("a-file"), "in the way");
        Path temporary = Files.createDirectories(work.resolve("tmp"));
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=com.acme.testapp.PaymentService,out=" + notADirectory)
                .jvmOption("-Djava.io.tmpdir=" + temporary)
                .mainClass(TimingApp.class)
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.sondeLines()).anyMatch(line -> line.startsWith("[sonde] cannot write reports to out="
                + notADirectory + " (it is a file, not a directory); writing them to " + temporary.resolve("sonde-out-" + System.getProperty("user.name"))));
        assertThat(ReportFile.onlyIn(temporary.resolve("sonde-out-" + System.getProperty("user.name"))).counts())
                .containsKey("com.acme.testapp.PaymentService#charge");
        assertThat(Files.readString(notADirectory)).isEqualTo("in the way");
    }
}
