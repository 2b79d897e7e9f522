package dev.sonde.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NearestKeyTest {

    @ParameterizedTest(name = "''{0}'' to ''{1}'' = {2}")
    @CsvSource({
        "include,        include,         0",
        "'',             '',              0",
        "'',             log,             3",
        "inclde,         include,         1",
        "includ,         include,         1",
        "incluude,       include,         1",
        "inclued,        include,         2",
        "exclude,        include,         2",
        "INCLUDE,        include,         0",
        "Max.Operations, max.operations,  0",
        "max.operation,  max.operations,  1",
        "max_operations, max.operations,  1",
        "maxoperations,  max.operations,  1",
        "kitten,         sitting,         3",
        "flaw,           lawn,            2",
        "out,            log,             3",
        "config,         conf,            2",
        "abc,            xyz,             3",
    })
    void distanceIsTheCaseInsensitiveNumberOfSingleCharacterEdits(String a, String b, int expected) {
        assertThat(NearestKey.distance(a, b)).isEqualTo(expected);
        assertThat(NearestKey.distance(b, a)).as("symmetric").isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({
        "inclde,          include",
        "Include,         include",
        "includes,        include",
        "exlcude,         exclude",
        "excludes,        exclude",
        "ouput,           out",
        "max.operation,   max.operations",
        "max-operations,  max.operations",
        "maxOperations,   max.operations",
        "logg,            log",
        "lgo,             log",
        "configg,         config",
        "cnofig,          config",
        "inXXXde,         include",
    })
    void aKeyWithinThreeTyposIsSuggested(String unknown, String suggestion) {
        assertThat(NearestKey.warningFor(unknown, "agent arguments"))
                .isEqualTo("unknown key '" + unknown + "' in agent arguments ignored; did you mean '"
                        + suggestion + "'?");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({
        "iXXXXde",
        "verbosity",
        "sonde.include",
        "maximum.operations.count",
        "zzzzzzzzzz",
    })
    void aKeyFartherThanThreeTyposFromEveryKeyListsAllValidKeys(String unknown) {
        assertThat(NearestKey.warningFor(unknown, "system property sonde." + unknown))
                .isEqualTo("unknown key '" + unknown + "' in system property sonde." + unknown
                        + " ignored; valid keys: " + java.util.Arrays.stream(Key.values()).map(Key::keyName)
                        .collect(java.util.stream.Collectors.joining(", ")));
    }
}
