package dev.tandem.cli;

import picocli.CommandLine.Command;

/** Listed for help only: {@code serve} is handled before picocli, by starting the server. */
@Command(name = "serve", description = "Serve Tandem (the default when no command is given).")
class ServeCommand implements Runnable {

    @Override
    public void run() {
        // never reached: Tandem.main starts the server for "serve"
    }
}
