package dev.tandem.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TandemCommandTest {

    @Test
    void noArgumentsOrOnlySpringSettingsServe() {
        assertThat(TandemCommand.isCommandLine(new String[0])).isFalse();
        assertThat(TandemCommand.isCommandLine(new String[] {"--server.port=9090"})).isFalse();
        assertThat(TandemCommand.isCommandLine(new String[] {"serve", "--server.port=9090"})).isFalse();
    }

    @Test
    void subcommandsHelpAndVersionAreTheCommandLine() {
        assertThat(TandemCommand.isCommandLine(new String[] {"catalog", "validate", "x.yaml"})).isTrue();
        assertThat(TandemCommand.isCommandLine(new String[] {"--help"})).isTrue();
        assertThat(TandemCommand.isCommandLine(new String[] {"-V"})).isTrue();
        assertThat(TandemCommand.isCommandLine(new String[] {"no-such-command"})).isTrue();
    }
}
