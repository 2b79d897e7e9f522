package dev.sonde.config;

import dev.sonde.bootstrap.Log;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Merges the configuration sources into one {@link Config}. Highest first: agent arguments, system
 * properties {@code sonde.<key>}, environment {@code SONDE_<KEY>}, the file named by
 * {@code config=}, defaults. A key takes its value from the highest source that sets it; lists are
 * not merged across sources.
 *
 * <p>Unknown keys become warnings that name the nearest valid key. Invalid values and patterns
 * throw {@link ConfigException}: the agent then disables itself and the application runs on.
 */
public final class ConfigLoader {

    /** Below this, writing a report per window would cost more than the recording it reports. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    /**
     * System properties the running agent publishes about itself ({@code sonde.agent.version},
     * {@code sonde.agent.include}...): read by {@code list}, never configuration.
     */
    private static final String PUBLISHED_PREFIX = "sonde.agent.";

    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private final List<String> warnings = new ArrayList<>();

    public ConfigLoader(Map<String, String> systemProperties, Map<String, String> environment) {
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /** Reads the real system properties and environment of this JVM. */
    public static ConfigLoader fromThisJvm() {
        Map<String, String> properties = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name)));
        return new ConfigLoader(properties, System.getenv());
    }

    public Config load(String agentArguments) throws ConfigException {
        warnings.clear();
        Map<Key, List<String>> fromArguments = parseArguments(agentArguments == null ? "" : agentArguments);
        Map<Key, List<String>> fromProperties = fromSystemProperties();
        Map<Key, List<String>> fromEnvironment = fromEnvironment();

        Map<Key, List<String>> merged = new EnumMap<>(Key.class);
        Map<Key, List<String>> fromFile = new EnumMap<>(Key.class);
        String configFile = first(Key.CONFIG, fromArguments, fromProperties, fromEnvironment);
        if (configFile != null) {
            fromFile = fromFile(Paths.get(configFile));
        }
        for (Key key : Key.values()) {
            List<String> value = firstList(key, fromArguments, fromProperties, fromEnvironment, fromFile);
            if (value != null) {
                merged.put(key, value);
            }
        }
        return build(merged);
    }

    private Config build(Map<Key, List<String>> values) throws ConfigException {
        int keep = positiveInt(values, Key.KEEP);
        return new Config.Builder()
                .includes(patterns(values.get(Key.INCLUDE)))
                .excludes(patterns(values.get(Key.EXCLUDE)))
                .out(Paths.get(single(values, Key.OUT)))
                .maxOperations(positiveInt(values, Key.MAX_OPERATIONS))
                .logLevel(logLevel(single(values, Key.LOG)))
                .allocation(onOff(values, Key.ALLOC))
                .selfTime(onOff(values, Key.SELF))
                .http(onOff(values, Key.HTTP))
                .jdbc(onOff(values, Key.JDBC))
                .httpClient(onOff(values, Key.HTTP_CLIENT))
                .async(onOff(values, Key.ASYNC))
                .interval(interval(single(values, Key.INTERVAL)))
                .keep(keep)
                .profiling(profiling(values, keep))
                .prometheus(optionalAddress(single(values, Key.PROMETHEUS), Key.PROMETHEUS))
                .prometheusClassic(PrometheusClassic.parse(single(values, Key.PROMETHEUS_CLASSIC), Key.PROMETHEUS_CLASSIC))
                .otlp(otlp(values))
                .warnings(warnings)
                .build();
    }

    /** Null for {@code otlp=off}; the other {@code otlp.*} keys are checked either way. */
    private static OtlpSettings otlp(Map<Key, List<String>> values) throws ConfigException {
        String endpoint = single(values, Key.OTLP);
        Duration interval = OtlpSettings.interval(single(values, Key.OTLP_INTERVAL));
        Map<String, String> headers = OtlpSettings.headers(values.containsKey(Key.OTLP_HEADERS)
                ? single(values, Key.OTLP_HEADERS) : "");
        String service = values.containsKey(Key.OTLP_SERVICE) ? single(values, Key.OTLP_SERVICE).trim() : null;
        if (endpoint.trim().equalsIgnoreCase("off")) {
            return null;
        }
        return new OtlpSettings(OtlpSettings.endpoint(endpoint), interval, headers, service);
    }

    private Map<Key, List<String>> parseArguments(String arguments) throws ConfigException {
        Map<Key, List<String>> values = new EnumMap<>(Key.class);
        for (String pair : ListSplitter.split(arguments, ",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException("agent argument '" + pair + "' is not key=value"
                        + " (separate list items with ';' or repeat the key: include=A#m,include=B#*)");
            }
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            Key key = known(name, "agent arguments");
            if (key != null) {
                List<String> items = key.isList() ? ListSplitter.split(value, ";") : List.of(value);
                values.computeIfAbsent(key, k -> new ArrayList<>()).addAll(items);
                if (!key.isList() && values.get(key).size() > 1) {
                    throw new ConfigException("key '" + name + "' is given twice in the agent arguments");
                }
            }
        }
        return values;
    }

    private Map<Key, List<String>> fromSystemProperties() throws ConfigException {
        Map<Key, List<String>> values = new EnumMap<>(Key.class);
        for (Map.Entry<String, String> property : systemProperties.entrySet()) {
            if (property.getKey().startsWith("sonde.") && !property.getKey().startsWith(PUBLISHED_PREFIX)) {
                String name = property.getKey().substring("sonde.".length());
                put(values, known(name, "system property " + property.getKey()), property.getValue());
            }
        }
        return values;
    }

    /** Unknown {@code SONDE_*} variables are not warned about: the environment is shared with others. */
    private Map<Key, List<String>> fromEnvironment() throws ConfigException {
        Map<Key, List<String>> values = new EnumMap<>(Key.class);
        for (Key key : Key.values()) {
            String value = environment.get(key.environmentVariable());
            if (value != null) {
                put(values, key, value);
            }
        }
        return values;
    }

    private Map<Key, List<String>> fromFile(Path file) throws ConfigException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file.toAbsolutePath() + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read config file " + file.toAbsolutePath() + ": " + Log.describe(e));
        }
        Map<Key, List<String>> values = new EnumMap<>(Key.class);
        for (String name : properties.stringPropertyNames()) {
            Key key = known(name, "config file " + file);
            if (key == Key.CONFIG) {
                warnings.add("key 'config' inside config file " + file + " ignored (files do not nest)");
                continue;
            }
            put(values, key, properties.getProperty(name));
        }
        return values;
    }

    private static void put(Map<Key, List<String>> values, Key key, String value) throws ConfigException {
        if (key != null) {
            values.put(key, key.isList() ? ListSplitter.split(value, ";,") : List.of(value.trim()));
        }
    }

    private Key known(String name, String source) {
        Key key = Key.named(name.trim()).orElse(null);
        if (key == null) {
            warnings.add(NearestKey.warningFor(name.trim(), source));
        }
        return key;
    }

    @SafeVarargs
    private static String first(Key key, Map<Key, List<String>>... sources) {
        List<String> value = firstList(key, sources);
        return value == null || value.isEmpty() ? null : value.get(0);
    }

    @SafeVarargs
    private static List<String> firstList(Key key, Map<Key, List<String>>... sources) {
        for (Map<Key, List<String>> source : sources) {
            if (source.containsKey(key)) {
                return source.get(key);
            }
        }
        return null;
    }

    /** The key's one value, or its default when no source sets it. */
    private static String single(Map<Key, List<String>> values, Key key) throws ConfigException {
        List<String> value = values.get(key);
        if (value == null) {
            return key.defaultValue();
        }
        if (value.size() != 1 || value.get(0).isEmpty()) {
            throw new ConfigException("key '" + key.keyName() + "' needs one value (" + key.description() + ")");
        }
        return value.get(0);
    }

    private static List<MethodPattern> patterns(List<String> texts) throws ConfigException {
        List<MethodPattern> patterns = new ArrayList<>();
        if (texts != null) {
            for (String text : texts) {
                patterns.add(MethodPattern.parse(text));
            }
        }
        return patterns;
    }

    private static int positiveInt(Map<Key, List<String>> values, Key key) throws ConfigException {
        String text = single(values, key);
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("invalid value '" + text + "' for " + key.keyName() + ": expected a positive integer");
    }

    private static ProfilingConfig profiling(Map<Key, List<String>> values, int keep) throws ConfigException {
        String wholeRun = single(values, Key.PROFILE).trim().toLowerCase(Locale.ROOT);
        String event = profileEvent(single(values, Key.PROFILE_EVENT), Key.PROFILE_EVENT);
        String format = single(values, Key.PROFILE_FORMAT).trim().toLowerCase(Locale.ROOT);
        if (!ProfilingConfig.FORMATS.contains(format)) {
            throw new ConfigException("invalid value '" + format + "' for profile.format: expected "
                    + ProfilingConfig.choices(ProfilingConfig.FORMATS));
        }
        String triggerText = single(values, Key.PROFILE_TRIGGER);
        return new ProfilingConfig(
                wholeRun.equals("off") ? null : profileEvent(wholeRun, Key.PROFILE),
                event,
                DurationText.parse(single(values, Key.PROFILE_EVERY), Key.PROFILE_EVERY),
                positiveDuration(single(values, Key.PROFILE_DURATION), Key.PROFILE_DURATION),
                triggerText.trim().equals("off") ? null : ProfileTrigger.parse(triggerText),
                DurationText.parse(single(values, Key.PROFILE_COOLDOWN), Key.PROFILE_COOLDOWN),
                format, keep, SlowCallRule.parseAll(values.getOrDefault(Key.PROFILE_SLOW, List.of())));
    }

    private static String profileEvent(String text, Key key) throws ConfigException {
        String event = text.trim().toLowerCase(Locale.ROOT);
        if (!ProfilingConfig.EVENTS.contains(event)) {
            throw new ConfigException("invalid value '" + text + "' for " + key.keyName()
                    + ": expected " + ProfilingConfig.choices(ProfilingConfig.EVENTS));
        }
        return event;
    }

    private static java.time.Duration positiveDuration(String text, Key key) throws ConfigException {
        java.time.Duration duration = DurationText.parse(text, key);
        if (duration.isZero()) {
            throw new ConfigException("invalid value '" + text + "' for " + key.keyName() + ": must be longer than 0");
        }
        return duration;
    }

    private static boolean onOff(Map<Key, List<String>> values, Key key) throws ConfigException {
        String text = single(values, key);
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "on":
            case "true":
                return true;
            case "off":
            case "false":
                return false;
            default:
                throw new ConfigException("invalid value '" + text + "' for " + key.keyName() + ": expected on or off");
        }
    }

    /** An endpoint's address, or null for {@code off}. */
    private static ListenAddress optionalAddress(String text, Key key) throws ConfigException {
        return text.trim().equalsIgnoreCase("off") ? null : ListenAddress.parse(text, key);
    }

    private static Duration interval(String text) throws ConfigException {
        Duration interval = DurationText.parse(text, Key.INTERVAL);
        if (!interval.isZero() && interval.compareTo(MIN_INTERVAL) < 0) {
            throw new ConfigException("invalid value '" + text + "' for interval: the shortest interval is "
                    + DurationText.format(MIN_INTERVAL));
        }
        return interval;
    }

    private static Log.Level logLevel(String text) throws ConfigException {
        try {
            return Log.Level.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid value '" + text + "' for log: expected quiet, info or debug");
        }
    }
}
