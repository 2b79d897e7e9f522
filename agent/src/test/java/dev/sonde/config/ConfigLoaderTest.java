package dev.sonde.config;

import dev.sonde.bootstrap.Log;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    private Config load(String agentArguments) throws ConfigException {
        return new ConfigLoader(systemProperties, environment).load(agentArguments);
    }

    private Path configFile(String... lines) throws IOException {
        Path file = dir.resolve("sonde.properties");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> texts(List<MethodPattern> patterns) {
        return patterns.stream().map(MethodPattern::toString).collect(Collectors.toList());
    }

    // ---------------------------------------------------------------- defaults

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", ",", " , , "})
    void withoutAnyArgumentsEveryKeyHasItsDefault(String agentArguments) throws ConfigException {
        Config config = load(agentArguments);

        assertThat(config.includes()).isEmpty();
        assertThat(config.excludes()).isEmpty();
        assertThat(config.out()).isEqualTo(Paths.get("sonde-out"));
        assertThat(config.maxOperations()).isEqualTo(2000);
        assertThat(config.logLevel()).isEqualTo(Log.Level.INFO);
        assertThat(config.allocation()).isTrue();
        assertThat(config.selfTime()).isTrue();
        assertThat(config.http()).isTrue();
        assertThat(config.jdbc()).isTrue();
        assertThat(config.httpClient()).isTrue();
        assertThat(config.async()).isTrue();
        assertThat(config.interval()).isZero();
        assertThat(config.keep()).isEqualTo(100);
        assertThat(config.prometheus()).isNull();
        assertThat(config.prometheusClassic()).isEqualTo(PrometheusClassic.AUTO);
        assertThat(config.otlp()).isNull();
        assertThat(config.profiling().anything()).isFalse();
        assertThat(config.profiling().event()).isEqualTo("cpu");
        assertThat(config.profiling().duration()).hasSeconds(30);
        assertThat(config.profiling().cooldown()).hasMinutes(5);
        assertThat(config.profiling().format()).isEqualTo("html");
        assertThat(config.profiling().keep()).isEqualTo(100);
        assertThat(config.profiling().slowCalls()).isEmpty();
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void aKeyDescriptionNamesItsDefault() {
        assertThat(Key.SELF.description()).isEqualTo("on | off: self time, exclusive of timed callees (default on)");
        assertThat(Key.INCLUDE.description()).isEqualTo("method patterns to time");
    }

    @Test
    void aConfigCopiedWithAnotherDirectoryOrMoreWarningsKeepsEveryOtherValue() throws ConfigException {
        Config config = load("include=com.acme.A#m,alloc=off,self=off,http=off,jdbc=on,http.client=off,async=off,"
                + "interval=10s,keep=7,max.operations=9,log=debug,prometheus=9464,unknown.key=1");

        Config moved = config.withOut(Paths.get("elsewhere")).withMoreWarnings(List.of("found later"));

        assertThat(moved.out()).isEqualTo(Paths.get("elsewhere"));
        assertThat(moved.warnings()).hasSize(2).endsWith("found later");
        assertThat(moved).usingRecursiveComparison().ignoringFields("out", "warnings").isEqualTo(config);
    }

    @Test
    void unrelatedSystemPropertiesAndEnvironmentVariablesAreIgnored() throws ConfigException {
        systemProperties.put("java.version", "17");
        systemProperties.put("include", "com.acme.Wrong#*");
        systemProperties.put("sondeX.include", "com.acme.Wrong#*");
        environment.put("PATH", "/usr/bin");
        environment.put("INCLUDE", "com.acme.Wrong#*");

        Config config = load("");

        assertThat(config.includes()).isEmpty();
        assertThat(config.warnings()).isEmpty();
    }

    // ---------------------------------------------------------------- precedence

    /**
     * Which source wins for the single-valued key {@code out}: agent arguments, then system
     * properties, then environment, then the file, then the default. Empty cells = not set there.
     */
    @ParameterizedTest(name = "args={0} sysprop={1} env={2} file={3} -> {4}")
    @CsvSource({
        "from-args, from-sysprop, from-env, from-file, from-args",
        "from-args,             , from-env, from-file, from-args",
        "from-args,             ,         ,          , from-args",
        "         , from-sysprop, from-env, from-file, from-sysprop",
        "         , from-sysprop,         , from-file, from-sysprop",
        "         ,             , from-env, from-file, from-env",
        "         ,             ,         , from-file, from-file",
        "         ,             ,         ,          , sonde-out",
    })
    void agentArgumentsWinOverSystemPropertiesWhichWinOverEnvironmentWhichWinsOverTheFile(
            String fromArguments, String fromProperty, String fromEnvironment, String fromFile, String expected)
            throws Exception {
        Path file = configFile(fromFile == null ? "# nothing" : "out=" + fromFile);
        StringBuilder arguments = new StringBuilder("config=" + file);
        if (fromArguments != null) {
            arguments.append(",out=").append(fromArguments);
        }
        if (fromProperty != null) {
            systemProperties.put("sonde.out", fromProperty);
        }
        if (fromEnvironment != null) {
            environment.put("SONDE_OUT", fromEnvironment);
        }

        assertThat(load(arguments.toString()).out()).isEqualTo(Paths.get(expected));
    }

    static Stream<Arguments> everySourceSpellsKeysItsOwnWay() {
        return Stream.of(
                arguments("arguments", "max.operations", "7"),
                arguments("system property", "sonde.max.operations", "7"),
                arguments("environment", "SONDE_MAX_OPERATIONS", "7"),
                arguments("file", "max.operations", "7"),
                arguments("arguments", "log", "debug"),
                arguments("system property", "sonde.log", "debug"),
                arguments("environment", "SONDE_LOG", "debug"),
                arguments("file", "log", "debug"));
    }

    @ParameterizedTest(name = "{0}: {1}={2}")
    @MethodSource("everySourceSpellsKeysItsOwnWay")
    void eachSourceNamesKeysInItsOwnSpelling(String source, String name, String value) throws Exception {
        String arguments = "";
        switch (source) {
            case "arguments":
                arguments = name + "=" + value;
                break;
            case "system property":
                systemProperties.put(name, value);
                break;
            case "environment":
                environment.put(name, value);
                break;
            default:
                arguments = "config=" + configFile(name + "=" + value);
        }

        Config config = load(arguments);

        if (name.toLowerCase().contains("max")) {
            assertThat(config.maxOperations()).isEqualTo(7);
        } else {
            assertThat(config.logLevel()).isEqualTo(Log.Level.DEBUG);
        }
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void theConfigFileItselfCanBeNamedBySystemPropertyOrEnvironment() throws Exception {
        Path fromProperty = dir.resolve("property.properties");
        Files.write(fromProperty, List.of("max.operations=11"));
        Path fromEnvironment = dir.resolve("environment.properties");
        Files.write(fromEnvironment, List.of("max.operations=22"));

        environment.put("SONDE_CONFIG", fromEnvironment.toString());
        assertThat(load("").maxOperations()).isEqualTo(22);

        systemProperties.put("sonde.config", fromProperty.toString());
        assertThat(load("").maxOperations()).isEqualTo(11);
    }

    @Test
    void aListKeyTakesAllItsItemsFromTheHighestSourceThatSetsIt() throws Exception {
        systemProperties.put("sonde.include", "com.acme.FromProperty#*");
        environment.put("SONDE_INCLUDE", "com.acme.FromEnvironment#*");
        environment.put("SONDE_EXCLUDE", "com.acme.FromEnvironment#skip");
        Path file = configFile("include=com.acme.FromFile#*", "exclude=com.acme.FromFile#skip");

        Config config = load("config=" + file + ",include=com.acme.FromArguments#a;com.acme.FromArguments#b");

        assertThat(texts(config.includes())).containsExactly("com.acme.FromArguments#a", "com.acme.FromArguments#b");
        assertThat(texts(config.excludes())).containsExactly("com.acme.FromEnvironment#skip");
    }

    @Test
    void anEmptyListInAHigherSourceStillHidesTheLowerOnes() throws ConfigException {
        systemProperties.put("sonde.include", "com.acme.FromProperty#*");

        assertThat(load("include=").includes()).isEmpty();
    }

    // ---------------------------------------------------------------- lists

    static Stream<Arguments> listsInAgentArguments() {
        return Stream.of(
                arguments("include=com.acme.A#m,include=com.acme.B#*",
                        List.of("com.acme.A#m", "com.acme.B#*")),
                arguments("include=com.acme.A#m;com.acme.B#*",
                        List.of("com.acme.A#m", "com.acme.B#*")),
                arguments("include=com.acme.A#m;com.acme.B#*,include=com.acme.C",
                        List.of("com.acme.A#m", "com.acme.B#*", "com.acme.C")),
                arguments("include=com.acme.A#m,out=x,include=com.acme.B#*",
                        List.of("com.acme.A#m", "com.acme.B#*")),
                arguments("include=com.acme.OrderService#place(long,java.lang.String)",
                        List.of("com.acme.OrderService#place(long,java.lang.String)")),
                arguments("include=com.acme.A#place(long,String,int[]),include=com.acme.B#*",
                        List.of("com.acme.A#place(long,String,int[])", "com.acme.B#*")),
                arguments("include=com.acme.A#place(long,String);com.acme.A#<init>(long,String),out=x",
                        List.of("com.acme.A#place(long,String)", "com.acme.A#<init>(long,String)")),
                arguments(" include = com.acme.A#m ; com.acme.B#* ;; , include=  ",
                        List.of("com.acme.A#m", "com.acme.B#*")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listsInAgentArguments")
    void repeatedListKeysAccumulateAndCommasInsideParameterListsBelongToThePattern(String arguments,
                                                                                 List<String> includes)
            throws ConfigException {
        assertThat(texts(load(arguments).includes())).isEqualTo(includes);
    }

    static Stream<Arguments> listsInOtherSources() {
        return Stream.of(
                arguments("com.acme.A#m,com.acme.B#*", List.of("com.acme.A#m", "com.acme.B#*")),
                arguments("com.acme.A#m;com.acme.B#*", List.of("com.acme.A#m", "com.acme.B#*")),
                arguments("com.acme.A#m , com.acme.B#* ; com.acme.C", List.of("com.acme.A#m", "com.acme.B#*", "com.acme.C")),
                arguments("com.acme.A#place(long,java.lang.String),com.acme.B#*",
                        List.of("com.acme.A#place(long,java.lang.String)", "com.acme.B#*")),
                arguments("com.acme.A#<init>(long, String);com.acme.A#place(int,int)",
                        List.of("com.acme.A#<init>(long, String)", "com.acme.A#place(int,int)")));
    }

    @ParameterizedTest(name = "sonde.include={0}")
    @MethodSource("listsInOtherSources")
    void inSystemPropertiesCommasAndSemicolonsOutsideParenthesesBothSeparateListItems(String value,
                                                                                        List<String> includes)
            throws ConfigException {
        systemProperties.put("sonde.include", value);

        assertThat(texts(load("").includes())).isEqualTo(includes);
    }

    @ParameterizedTest(name = "SONDE_EXCLUDE={0}")
    @MethodSource("listsInOtherSources")
    void inTheEnvironmentCommasAndSemicolonsOutsideParenthesesBothSeparateListItems(String value,
                                                                                      List<String> excludes)
            throws ConfigException {
        environment.put("SONDE_EXCLUDE", value);

        assertThat(texts(load("").excludes())).isEqualTo(excludes);
    }

    @ParameterizedTest(name = "include={0}")
    @MethodSource("listsInOtherSources")
    void inTheConfigFileCommasAndSemicolonsOutsideParenthesesBothSeparateListItems(String value,
                                                                                     List<String> includes)
            throws Exception {
        Path file = configFile("include=" + value);

        assertThat(texts(load("config=" + file).includes())).isEqualTo(includes);
    }

    @Test
    void theConfigFileIsReadAsJavaPropertiesWithCommentsAndContinuationLines() throws Exception {
        Path file = configFile(
                "# patterns for the order service",
                "include = com.acme.OrderService#place(long,java.lang.String), \\",
                "          com.acme.PaymentService#*",
                "! another comment style",
                "max.operations: 50",
                "log=quiet");

        Config config = load("config=" + file);

        assertThat(texts(config.includes()))
                .containsExactly("com.acme.OrderService#place(long,java.lang.String)", "com.acme.PaymentService#*");
        assertThat(config.maxOperations()).isEqualTo(50);
        assertThat(config.logLevel()).isEqualTo(Log.Level.QUIET);
    }

    // ---------------------------------------------------------------- values

    @ParameterizedTest(name = "log={0}")
    @CsvSource({"quiet, QUIET", "info, INFO", "debug, DEBUG", "DEBUG, DEBUG", "Quiet, QUIET"})
    void logLevelsAreReadIgnoringCase(String value, Log.Level level) throws ConfigException {
        assertThat(load("log=" + value).logLevel()).isEqualTo(level);
    }

    @ParameterizedTest(name = "max.operations={0}")
    @CsvSource({"1, 1", "2000, 2000", "50000, 50000", "2147483647, 2147483647"})
    void maxOperationsTakesAnyPositiveInteger(String value, int expected) throws ConfigException {
        assertThat(load("max.operations=" + value).maxOperations()).isEqualTo(expected);
    }

    @Test
    void theOutputDirectoryIsTakenAsGiven() throws ConfigException {
        assertThat(load("out=/tmp/sonde reports/run-1").out()).isEqualTo(Paths.get("/tmp/sonde reports/run-1"));
    }

    @Test
    void aValueMayItselfContainEqualsSigns() throws ConfigException {
        assertThat(load("out=a=b").out()).isEqualTo(Paths.get("a=b"));
    }

    // ---------------------------------------------------------------- unknown keys

    @Test
    void anUnknownKeyInTheArgumentsIsAWarningNamingTheNearestKey() throws ConfigException {
        Config config = load("inclde=com.acme.A#m,include=com.acme.B#*");

        assertThat(config.warnings()).containsExactly(
                "unknown key 'inclde' in agent arguments ignored; did you mean 'include'?");
        assertThat(texts(config.includes())).containsExactly("com.acme.B#*");
    }

    static Stream<Arguments> unknownKeysPerSource() {
        return Stream.of(
                arguments("max.operation=5", "", "max.operation", "agent arguments", "max.operations"),
                arguments("", "sonde.exclud", "exclud", "system property sonde.exclud", "exclude"),
                arguments("", "sonde.Log", "Log", "system property sonde.Log", "log"),
                arguments("", "file:outt", "outt", "config file", "out"));
    }

    @ParameterizedTest(name = "{2} in {3}")
    @MethodSource("unknownKeysPerSource")
    void unknownKeysInEverySourceButTheEnvironmentBecomeOneWarningEach(String arguments, String where,
                                                                        String unknown, String source,
                                                                        String nearest) throws Exception {
        if (where.startsWith("sonde.")) {
            systemProperties.put(where, "5");
        } else if (where.startsWith("file:")) {
            arguments = "config=" + configFile(where.substring("file:".length()) + "=5");
        }

        Config config = load(arguments);

        assertThat(config.warnings()).singleElement().asString()
                .startsWith("unknown key '" + unknown + "' in " + source)
                .endsWith("did you mean '" + nearest + "'?");
    }

    @Test
    void unknownSondeEnvironmentVariablesAreIgnoredSilently() throws ConfigException {
        environment.put("SONDE_INCLUDEE", "com.acme.A#m");
        environment.put("SONDE_AGENT_JAR", "/opt/sonde.jar");
        environment.put("SONDE_include", "com.acme.A#m");
        environment.put("SONDE_MAX.OPERATIONS", "abc");

        Config config = load("");

        assertThat(config.warnings()).isEmpty();
        assertThat(config.includes()).isEmpty();
        assertThat(config.maxOperations()).isEqualTo(2000);
    }

    @Test
    void aConfigKeyInsideTheConfigFileIsIgnoredWithAWarning() throws Exception {
        Path other = dir.resolve("other.properties");
        Files.write(other, List.of("max.operations=99"));
        Path file = configFile("config=" + other, "max.operations=5");

        Config config = load("config=" + file);

        assertThat(config.maxOperations()).isEqualTo(5);
        assertThat(config.warnings()).singleElement().asString().contains("'config'").contains("ignored");
    }

    @Test
    void warningsOfOneLoadDoNotChangeOrLeakIntoTheNextLoad() throws ConfigException {
        ConfigLoader loader = new ConfigLoader(systemProperties, environment);

        Config first = loader.load("inclde=com.acme.A#m");
        Config second = loader.load("lgo=debug");

        assertThat(first.warnings()).singleElement().asString().contains("'inclde'");
        assertThat(second.warnings()).singleElement().asString().contains("'lgo'");
    }

    // ---------------------------------------------------------------- errors

    static Stream<Arguments> invalidConfigurations() {
        return Stream.of(
                arguments("max.operations=0", "invalid value '0' for max.operations: expected a positive integer"),
                arguments("max.operations=-1", "invalid value '-1' for max.operations: expected a positive integer"),
                arguments("max.operations=abc", "invalid value 'abc' for max.operations: expected a positive integer"),
                arguments("max.operations=1.5", "invalid value '1.5' for max.operations"),
                arguments("max.operations=99999999999", "invalid value '99999999999' for max.operations"),
                arguments("max.operations=", "key 'max.operations' needs one value"),
                arguments("log=verbose", "invalid value 'verbose' for log: expected quiet, info or debug"),
                arguments("log=", "key 'log' needs one value"),
                arguments("out=", "key 'out' needs one value"),
                arguments("include", "agent argument 'include' is not key=value"),
                arguments("include=com.acme.A#m,com.acme.B#*", "agent argument 'com.acme.B#*' is not key=value"),
                arguments("=com.acme.A#m", "agent argument '=com.acme.A#m' is not key=value"),
                arguments("out=a,out=b", "key 'out' is given twice in the agent arguments"),
                arguments("log=info,max.operations=3,log=info", "key 'log' is given twice in the agent arguments"),
                arguments("include=com.acme.A#place(long", "unbalanced '('"),
                arguments("include=com.acme.A#place)long(", "unbalanced ')'"),
                arguments("include=com.acme.A#", "invalid pattern 'com.acme.A#'"),
                arguments("exclude=com.acme.***#*", "invalid pattern 'com.acme.***#*'"),
                arguments("include=com.acme.A#m;+com.*.Handler", "invalid pattern '+com.*.Handler'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConfigurations")
    void invalidValuesAreOneClearErrorLine(String arguments, String message) {
        assertThatThrownBy(() -> load(arguments))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "sonde.max.operations, 0,       max.operations",
        "sonde.max.operations, abc,     max.operations",
        "sonde.log,            loud,    log",
        "sonde.include,        a#b#c,   invalid pattern",
    })
    void invalidValuesFromSystemPropertiesAreErrorsToo(String property, String value, String named) {
        systemProperties.put(property, value);

        assertThatThrownBy(() -> load("")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining(named);
    }

    @Test
    void anInvalidValueInALowerSourceDoesNotMatterWhenAHigherSourceSetsTheKey() throws ConfigException {
        environment.put("SONDE_MAX_OPERATIONS", "abc");
        systemProperties.put("sonde.log", "loud");

        Config config = load("max.operations=10,log=debug");

        assertThat(config.maxOperations()).isEqualTo(10);
        assertThat(config.logLevel()).isEqualTo(Log.Level.DEBUG);
    }

    @Test
    void aMissingConfigFileIsAnErrorNamingTheFile() {
        Path missing = dir.resolve("does-not-exist.properties");

        assertThatThrownBy(() -> load("config=" + missing))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + missing.toAbsolutePath() + " does not exist");
    }

    @Test
    void aConfigFileThatIsADirectoryIsAnErrorNamingIt() {
        assertThatThrownBy(() -> load("config=" + dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.toAbsolutePath().toString());
    }

    @Test
    void anInvalidValueInTheConfigFileIsAnError() throws Exception {
        Path file = configFile("max.operations=-5");

        assertThatThrownBy(() -> load("config=" + file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid value '-5' for max.operations");
    }

    // ---------------------------------------------------------------- on/off keys

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource({
        "alloc, on, true", "alloc, off, false", "alloc, true, true", "alloc, FALSE, false",
        "self, on, true", "self, off, false", "self, true, true", "self, false, false", "self, Off, false",
        "http, on, true", "http, off, false", "http, TRUE, true", "http, false, false",
        "async, on, true", "async, off, false", "async, True, true", "async, false, false",
        "jdbc, on, true", "jdbc, off, false", "jdbc, TRUE, true", "jdbc, false, false",
    })
    void everyOnOffKeyTakesTrueAndFalseAsWellInAnyCase(String key, String value, boolean on) throws ConfigException {
        Config config = load(key + "=" + value);

        boolean actual = key.equals("alloc") ? config.allocation() : key.equals("self") ? config.selfTime()
                : key.equals("http") ? config.http() : key.equals("jdbc") ? config.jdbc() : config.async();
        assertThat(actual).isEqualTo(on);
    }

    @ParameterizedTest(name = "{0}=yes")
    @ValueSource(strings = {"alloc", "self", "http", "jdbc", "async"})
    void anOnOffKeyRefusesOtherWords(String key) {
        assertThatThrownBy(() -> load(key + "=yes"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid value 'yes' for " + key + ": expected on or off");
    }

    @Test
    void sqlStatementsAreTimedUnlessTurnedOff() throws ConfigException {
        assertThat(load("include=com.acme.*#*").jdbc()).isTrue();
        assertThat(load("include=com.acme.*#*,jdbc=off").jdbc()).isFalse();
    }

    @Test
    void asyncResultsAreTimedToCompletionUnlessTurnedOff() throws ConfigException {
        assertThat(load("include=com.acme.*#*").async()).isTrue();
        assertThat(load("include=com.acme.*#*,async=off").async()).isFalse();
    }
}
