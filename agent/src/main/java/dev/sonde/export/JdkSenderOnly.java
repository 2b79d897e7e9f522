package dev.sonde.export;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;

import java.util.Collections;
import java.util.List;

/**
 * The exporter's plug-in lookup, answered without {@link java.util.ServiceLoader}: the sender is
 * always the JDK HTTP client one the agent jar carries, never one the application's class path
 * offers (an OkHttp sender of its own OpenTelemetry), and nothing else is plugged in.
 */
final class JdkSenderOnly implements ComponentLoader {

    static final JdkSenderOnly INSTANCE = new JdkSenderOnly();

    private JdkSenderOnly() {
    }

    @Override
    public <T> Iterable<T> load(Class<T> type) {
        if (type == HttpSenderProvider.class) {
            return List.of(type.cast(new JdkHttpSenderProvider()));
        }
        return Collections.emptyList();
    }
}
