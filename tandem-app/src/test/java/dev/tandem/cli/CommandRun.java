package dev.tandem.cli;

import dev.tandem.Tandem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the {@code tandem} command line in this JVM, as {@link Tandem#main} does, with its streams captured. */
record CommandRun(int exitCode, String out, String err) {

    String all() {
        return out + err;
    }

    static CommandRun tandem(String... args) {
        return tandemWithInput(null, args);
    }

    /** With {@code stdin} (when not null) as standard input. */
    static CommandRun tandemWithInput(String stdin, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            exit = TandemCommand.run(Tandem.class, args);
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        }
        CommandRun run = new CommandRun(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        out.println("$ tandem " + String.join(" ", args) + "  -> exit " + exit + "\n" + run.all());
        return run;
    }
}
