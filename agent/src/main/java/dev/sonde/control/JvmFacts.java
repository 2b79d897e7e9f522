package dev.sonde.control;

import dev.sonde.report.Report;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;

/** What identifies this JVM in a report. */
final class JvmFacts {

    private JvmFacts() {
    }

    /**
     * Looked up once: the host name may need a resolver round trip, which must not happen inside
     * the shutdown bound. The warm-up (see {@link ReportWarmUp}) calls this early.
     */
    private static volatile Report.Jvm cached;

    static Report.Jvm describe() {
        Report.Jvm jvm = cached;
        if (jvm == null) {
            jvm = lookUp();
            cached = jvm;
        }
        return jvm;
    }

    private static Report.Jvm lookUp() {
        Report.Jvm jvm = new Report.Jvm();
        jvm.pid = ProcessHandle.current().pid();
        jvm.javaVersion = System.getProperty("java.version");
        jvm.mainClass = mainClass();
        jvm.host = host();
        return jvm;
    }

    /** The first word of {@code sun.java.command}: a main class or a jar path. */
    private static String mainClass() {
        String command = System.getProperty("sun.java.command", "");
        int space = command.indexOf(' ');
        String first = space < 0 ? command : command.substring(0, space);
        return first.isEmpty() ? null : first;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception | Error e) {
            return ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^\\d+@", "");
        }
    }
}
