package dev.sonde.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot + Spring Data JPA application (Hibernate 7, H2, {@code bench/startup-app}) with an
 * include of its package: it answers as it does without sonde, its own methods and its statements are
 * timed, and the classes Hibernate generates in that package ({@code Pet$HibernateProxy},
 * {@code Pet$HibernateInstantiator}) are left alone like any other generated class.
 */
class JpaApplicationIT {

    private static final String CLINIC = "com.example.clinic.";
    private static final List<String> REQUESTS = List.of("/api/cities/Lyon/pets", "/api/cities/Porto/pets");
    /** The application stores 20 owners once it has started (after its web server answers), half of them in Lyon. */
    private static final int OWNERS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void answersAsWithoutSondeAndTimesItsOwnClassesNotHibernatesGeneratedOnes(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("jpa-" + jdk.major());
        Path out = work.resolve("out");

        List<JsonNode> without = answers(ForkedJvm.on(jdk), work.resolve("without")).answers;
        Run with = answers(ForkedJvm.on(jdk).withAgent("include=com.example.clinic.**,log=debug,out=" + out),
                work.resolve("with"));

        assertThat(with.answers).isEqualTo(without);
        List<String> sondeLines = with.result.sondeLines();
        assertThat(sondeLines).as(with.result.describe())
                .contains("[sonde] instrumenting " + CLINIC + "ClinicService", "[sonde] instrumenting " + CLINIC + "Owner")
                .noneMatch(line -> line.contains("$Hibernate"))
                .noneMatch(line -> line.contains("could not"));
        ReportFile report = ReportFile.onlyIn(out);
        assertThat(report.counts())
                .containsEntry(CLINIC + "ClinicService#run", 1L)
                .containsEntry(CLINIC + "Owner#addPet", (long) OWNERS)
                .containsEntry(CLINIC + "ClinicController#pets", 2L)
                .containsEntry(CLINIC + "ClinicService#petsIn", 2L)
                // Lyon's owners, then Porto's: every owner once.
                .containsEntry(CLINIC + "Owner#getPets", (long) OWNERS)
                .containsEntry("GET /api/cities/{city}/pets", 2L)
                .containsEntry("select o1_0.id, o1_0.city, o1_0.name from owner o1_0 where o1_0.city=?", 2L)
                .containsEntry("select p1_0.owner_id, p1_0.id, p1_0.kind, p1_0.name from pet p1_0 where p1_0.owner_id=?",
                        (long) OWNERS);
        // Polled until the owners are stored: one count statement per call, however many calls that took.
        assertThat(report.counts().get("select count(*) from owner o1_0"))
                .isEqualTo(report.counts().get(CLINIC + "ClinicService#ownerCount"))
                .isGreaterThanOrEqualTo(1L);
        assertThat(report.operationNames()).noneMatch(name -> name.contains("$Hibernate"));
    }

    private static Run answers(ForkedJvm jvm, Path work) throws Exception {
        SpringBootApp app = SpringBootApp.start(jvm, TestPaths.clinicAppJar(), work);
        HttpProbe http = app.http();
        // The application stores its owners after its web server answers.
        Poll.until(Duration.ofSeconds(60), "the application to store its " + OWNERS + " owners",
                () -> answer(http, "/api/ping").path("owners").asInt() == OWNERS, app::stderrSoFar);
        List<JsonNode> answers = new ArrayList<>();
        answers.add(answer(http, "/api/ping"));
        for (String path : REQUESTS) {
            answers.add(answer(http, path));
        }
        return new Run(answers, app.terminate());
    }

    /** Parsed: the application answers with {@code Map.of}, whose order of keys changes from run to run. */
    private static JsonNode answer(HttpProbe http, String path) throws Exception {
        return JSON.readTree(http.exchange("GET", path, Map.of(), null).body());
    }

    private static final class Run {
        final List<JsonNode> answers;
        final ForkedJvm.Result result;

        Run(List<JsonNode> answers, ForkedJvm.Result result) {
            this.answers = answers;
            this.result = result;
        }
    }
}
