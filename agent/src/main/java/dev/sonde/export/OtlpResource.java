package dev.sonde.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.resources.Resource;

/**
 * Which process an OTLP push comes from: {@code service.name} (the {@code otlp.service} key, or
 * the main class or jar name), {@code host.name} and {@code process.pid}, the semantic-convention
 * names a collector and its backends group by. Immutable.
 */
public final class OtlpResource {

    static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    static final AttributeKey<String> HOST_NAME = AttributeKey.stringKey("host.name");
    static final AttributeKey<Long> PROCESS_PID = AttributeKey.longKey("process.pid");

    private final String service;
    private final String host;
    private final long pid;

    public OtlpResource(String service, String host, long pid) {
        this.service = service;
        this.host = host;
        this.pid = pid;
    }

    /**
     * The service name a JVM gets when {@code otlp.service} is not set: the main class, or the
     * jar's file name without {@code .jar} ({@code java -jar /srv/shop.jar} is {@code shop}).
     */
    public static String defaultService(String mainClassOrJar) {
        if (mainClassOrJar == null || mainClassOrJar.isEmpty()) {
            return "unknown_service:java";
        }
        String name = mainClassOrJar.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.endsWith(".jar") ? name.substring(0, name.length() - ".jar".length()) : name;
    }

    /** The SDK's default resource (its own name and version) with these attributes over it. */
    Resource toResource() {
        Attributes attributes = Attributes.builder().put(SERVICE_NAME, service).put(HOST_NAME, host)
                .put(PROCESS_PID, pid).build();
        return Resource.getDefault().merge(Resource.create(attributes));
    }

    String service() {
        return service;
    }
}
