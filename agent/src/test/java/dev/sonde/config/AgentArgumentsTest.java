package dev.sonde.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentArgumentsTest {

    @Test
    void aSecondAttachReplacesTheKeysItNamesAndKeepsTheOthers() throws ConfigException {
        assertThat(AgentArguments.overlay("include=A#m,out=/tmp/x,interval=10s", "include=B#*"))
                .isEqualTo("out=/tmp/x,interval=10s,include=B#*");
    }

    @Test
    void aListKeyIsReplacedAsAWholeNotAppendedTo() throws ConfigException {
        assertThat(AgentArguments.overlay("include=A#m,include=C#n", "include=B#*;D#*"))
                .isEqualTo("include=B#*;D#*");
    }

    @Test
    void commasInsideParameterListsStayWithTheirPattern() throws ConfigException {
        assertThat(AgentArguments.overlay("include=A#m(long,String),out=o", "out=p"))
                .isEqualTo("include=A#m(long,String),out=p");
    }

    @Test
    void nothingRunningOrNothingNewIsFine() throws ConfigException {
        assertThat(AgentArguments.overlay(null, "include=B")).isEqualTo("include=B");
        assertThat(AgentArguments.overlay("include=A", "")).isEqualTo("include=A");
    }

    @Test
    void aMistypedKeyOfTheRunningArgumentsIsNotCarriedIntoTheNextOnes() throws ConfigException {
        assertThat(AgentArguments.overlay("out=o,inclde=A#m", "")).isEqualTo("out=o");
        assertThat(AgentArguments.overlay("out=o,inclde=A#m", "include=B#*")).isEqualTo("out=o,include=B#*");
    }

    @Test
    void aMistypedKeyOfTheNewArgumentsStaysToBeWarnedAbout() throws ConfigException {
        assertThat(AgentArguments.overlay("out=o", "inclde=B#*")).isEqualTo("out=o,inclde=B#*");
    }

    @Test
    void aKeyCanBeLeftOut() throws ConfigException {
        assertThat(AgentArguments.without("include=A,config=/srv/sonde.properties,out=o", Key.CONFIG))
                .isEqualTo("include=A,out=o");
    }
}
