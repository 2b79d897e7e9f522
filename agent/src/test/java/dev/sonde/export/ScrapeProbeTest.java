package dev.sonde.export;

import dev.sonde.record.OperationKind;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.OperationSnapshot;
import dev.sonde.record.RecordingOptions;
import dev.sonde.record.ThreadLocalRecorder;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;

class ScrapeProbeTest {

    @Test
    void probe() throws Exception {
        OperationRegistry registry = new OperationRegistry(2000);
        ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(true, true));
        Random random = new Random(1);
        for (int op = 0; op < 2000; op++) {
            int id = registry.register("com.acme.Service" + op + "#call", OperationKind.METHOD);
            double median = Math.exp(Math.log(2_000) + random.nextDouble() * Math.log(10_000));
            for (int i = 0; i < 200; i++) {
                Object frame = recorder.enter();
                long nanos = (long) (median * Math.exp(random.nextGaussian()));
                if (i % 7 == 0) { byte[] junk = new byte[random.nextInt(100_000)]; if (junk.length == -1) throw new AssertionError(); }
                recorder.exit(frame, id, nanos, i % 50 == 0);
            }
        }
        SondeMetrics metrics = new SondeMetrics(recorder, registry);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        OutputStream sink = OutputStream.nullOutputStream();
        one.profiler.AsyncProfiler profiler = one.profiler.AsyncProfilerLoader.load();
        for (int round = 0; round < 12; round++) {
            if (round == 4) profiler.execute("start,event=cpu,interval=1ms");
            long t0 = threads.getCurrentThreadCpuTime();
            List<OperationSnapshot> snap = recorder.snapshot();
            long t1 = threads.getCurrentThreadCpuTime();
            MetricSnapshots all = metrics.collect();
            long t2 = threads.getCurrentThreadCpuTime();
            PrometheusTextFormatWriter.create().write(sink, all);
            long t3 = threads.getCurrentThreadCpuTime();
            OpenMetricsTextFormatWriter.create().write(sink, all);
            long t4 = threads.getCurrentThreadCpuTime();
            new PrometheusProtobufWriter().write(sink, all);
            long t5 = threads.getCurrentThreadCpuTime();
            System.out.printf("snapshot %.1f ms, collect(incl snapshot) %.1f ms, text %.1f ms, openmetrics %.1f ms, protobuf %.1f ms%n",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6);
        }
        profiler.execute("stop,file=/tmp/scrape-probe.collapsed,collapsed");
    }
}
