package dev.sonde.control;

import org.junit.jupiter.api.Test;

import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentRequestTest {

    @Test
    void plainAgentArgumentsAreAStartRequestWithThatConfiguration() {
        AgentRequest request = AgentRequest.parse("include=com.acme.**Service#*,out=/tmp/x");
        assertThat(request.command()).isEqualTo(AgentRequest.Command.START);
        assertThat(request.configuration()).isEqualTo("include=com.acme.**Service#*,out=/tmp/x");
        assertThat(request.reply()).isNull();
    }

    @Test
    void noArgumentsAtAllAreAStartRequestToo() {
        assertThat(AgentRequest.parse(null).command()).isEqualTo(AgentRequest.Command.START);
        assertThat(AgentRequest.parse(null).configuration()).isEmpty();
    }

    @Test
    void commasSemicolonsSpacesAndAmpersandsSurviveTheTrip() {
        String configuration = "include=com.acme.A#m(long,java.lang.String);com.acme.B#*,out=/tmp/with space&amp=1";
        AgentRequest sent = AgentRequest.start(configuration).replyTo(Paths.get("/tmp/reply 1.txt"));

        AgentRequest received = AgentRequest.parse(sent.encode());
        assertThat(received.command()).isEqualTo(AgentRequest.Command.START);
        assertThat(received.configuration()).isEqualTo(configuration);
        assertThat(received.reply()).isEqualTo(Paths.get("/tmp/reply 1.txt"));
    }

    @Test
    void aDumpCarriesItsFileAndReset() {
        AgentRequest received = AgentRequest.parse(AgentRequest.dump(Paths.get("/data/r,1.json"), true).encode());
        assertThat(received.command()).isEqualTo(AgentRequest.Command.DUMP);
        assertThat(received.out()).isEqualTo(Paths.get("/data/r,1.json"));
        assertThat(received.reset()).isTrue();

        AgentRequest plain = AgentRequest.parse(AgentRequest.dump(null, false).encode());
        assertThat(plain.out()).isNull();
        assertThat(plain.reset()).isFalse();
    }

    @Test
    void anEncodedRequestCannotBeMistakenForConfiguration() {
        assertThat(AgentRequest.detach().encode()).startsWith("sonde-request:").doesNotContain(",");
    }

    @Test
    void aMalformedRequestIsRefusedWithOneLine() {
        assertThatThrownBy(() -> AgentRequest.parse("sonde-request:command=explode"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown sonde request 'explode'");
        assertThatThrownBy(() -> AgentRequest.parse("sonde-request:garbage"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("malformed sonde request");
    }
}
