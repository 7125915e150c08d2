package dev.tandem.cli;

import picocli.CommandLine.Command;

/** Listed for help only: {@code prepare} is handled before picocli, by {@code dev.tandem.ServerJvm}. */
@Command(name = "prepare", description = "Make the first start of this jar fast, as a deployment step: extract it and "
        + "write its class archive with one training start (docs/operations.md).")
class PrepareCommand implements Runnable {

    @Override
    public void run() {
        // never reached: Tandem.main prepares before the command line is parsed
    }
}
