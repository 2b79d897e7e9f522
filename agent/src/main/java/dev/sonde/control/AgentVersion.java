package dev.sonde.control;

/** The version in the agent jar's manifest ({@code Implementation-Version}). */
public final class AgentVersion {

    private AgentVersion() {
    }

    public static String current() {
        Package bootstrap = dev.sonde.bootstrap.Recorder.class.getPackage();
        String version = bootstrap == null ? null : bootstrap.getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
