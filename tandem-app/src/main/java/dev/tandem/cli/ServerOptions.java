package dev.tandem.cli;

import picocli.CommandLine.Option;

/** Where a command sends its work: a running server's API, or else the local database directly. */
class ServerOptions {

    @Option(names = "--server", paramLabel = "URL",
            description = "A running Tandem, e.g. https://tandem.example.com. Without it the command works on the "
                    + "local database (TANDEM_DATA_DIR or TANDEM_DATABASE_URL) directly; stop the server first when it uses an embedded database.")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:TANDEM_TOKEN}",
            description = "API token for --server (default: $TANDEM_TOKEN).")
    String token;

    boolean remote() {
        return server != null && !server.isBlank();
    }

    String url(String path) {
        return server.replaceAll("/+$", "") + path;
    }
}
