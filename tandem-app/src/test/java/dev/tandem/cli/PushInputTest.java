package dev.tandem.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PushInputTest {

    @Test
    void csvBecomesTheJsonArrayAndRemembersEachPointsLine() throws Exception {
        PushInput in = PushInput.parse("# probe\ntimestamp,bad,total\n2026-03-10T12:00:00Z,2,100\n\n2026-03-10T12:01:00Z, 0 ,100\n");
        assertThat(in.json()).isEqualTo("[{\"timestamp\":\"2026-03-10T12:00:00Z\",\"bad\":2,\"total\":100},"
                + "{\"timestamp\":\"2026-03-10T12:01:00Z\",\"bad\":0,\"total\":100}]");
        assertThat(in.lines()).isEqualTo(List.of(3, 5));
        assertThat(in.where(1)).isEqualTo("line 5");

        PushInput noHeader = PushInput.parse("2026-03-10T12:00:00Z,98,100");
        assertThat(noHeader.json()).contains("\"good\":98");
    }

    @Test
    void jsonIsSentAsItIsAndNamedByIndex() throws Exception {
        PushInput in = PushInput.parse("  [{\"timestamp\":\"2026-03-10T12:00:00Z\",\"good\":1,\"total\":1}]\n");
        assertThat(in.json()).startsWith("[{").endsWith("}]");
        assertThat(in.where(0)).isEqualTo("point [0]");
    }

    @Test
    void badInputIsRefusedWithWhereItIs() {
        assertThatThrownBy(() -> PushInput.parse("")).hasMessageContaining("no points");
        assertThatThrownBy(() -> PushInput.parse("2026-03-10T12:00:00Z,1\n")).hasMessageContaining("line 1").hasMessageContaining("got 2 field(s)");
        assertThatThrownBy(() -> PushInput.parse("timestamp,good,total\nx,1,y\n")).hasMessageContaining("line 2: total 'y' is not a whole number");
        assertThatThrownBy(() -> PushInput.parse("timestamp,ok,total\n")).hasMessageContaining("the header must be");
        assertThatThrownBy(() -> PushInput.parse("{\"timestamp\": 1}")).hasMessageContaining("must be an array");
        assertThatThrownBy(() -> PushInput.parse("[{")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> PushInput.parse("timestamp,good,total\n# nothing\n")).hasMessageContaining("no data lines");
    }
}
