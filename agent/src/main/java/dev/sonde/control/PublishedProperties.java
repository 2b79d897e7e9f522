package dev.sonde.control;

import dev.sonde.config.Config;
import dev.sonde.config.DurationText;

import java.util.stream.Collectors;

/**
 * System properties the running agent sets about itself, so that {@code list} can tell which JVMs
 * run sonde, and what it times, with one cheap attach and no JMX connection
 * ({@code VirtualMachine.getSystemProperties()}); {@code jcmd <pid> VM.system_properties} shows them
 * too. Set at start, updated by a reconfiguring {@code attach}, removed at {@code detach}. The
 * {@code sonde.agent.} prefix is reserved: the configuration never reads it.
 */
public final class PublishedProperties {

    public static final String VERSION = "sonde.agent.version";
    /** The include patterns, separated by {@code ;} (commas belong to parameter lists). */
    public static final String INCLUDE = "sonde.agent.include";
    public static final String OUT = "sonde.agent.out";
    public static final String INTERVAL = "sonde.agent.interval";

    private PublishedProperties() {
    }

    static void publish(Config config) {
        System.setProperty(VERSION, AgentVersion.current());
        System.setProperty(INCLUDE, config.includes().stream().map(Object::toString).collect(Collectors.joining(";")));
        System.setProperty(OUT, config.out().toString());
        System.setProperty(INTERVAL, DurationText.format(config.interval()));
    }

    static void clear() {
        for (String name : new String[]{VERSION, INCLUDE, OUT, INTERVAL}) {
            System.clearProperty(name);
        }
    }
}
