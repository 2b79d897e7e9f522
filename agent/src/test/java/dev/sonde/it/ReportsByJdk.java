package dev.sonde.it;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports of one test application run once on each JDK with the same agent arguments. */
final class ReportsByJdk {

    private final Map<Integer, ReportFile> reports = new HashMap<>();

    private ReportsByJdk() {
    }

    /**
     * Runs {@code mainClass} on each JDK (in a work directory named {@code name-<major>}) with the
     * agent, which writes to a directory of its own; the application must exit with 0.
     */
    static ReportsByJdk run(String name, Class<?> mainClass, String agentArguments) throws Exception {
        ReportsByJdk runs = new ReportsByJdk();
        for (Jdks.Jdk jdk : Jdks.all()) {
            Path work = TestPaths.workDirectory(name + "-" + jdk.major());
            Path out = work.resolve("out");
            ForkedJvm.Result result = ForkedJvm.on(jdk)
                    .withAgent(agentArguments + ",out=" + out)
                    .mainClass(mainClass)
                    .run(work);
            assertThat(result.exitCode()).as(result.describe()).isZero();
            runs.reports.put(jdk.major(), ReportFile.onlyIn(out));
        }
        return runs;
    }

    ReportFile on(Jdks.Jdk jdk) {
        return reports.get(jdk.major());
    }
}
