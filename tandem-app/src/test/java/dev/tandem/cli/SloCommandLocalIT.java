package dev.tandem.cli;

import dev.tandem.slo.SloFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.tandem.cli.CommandRun.tandem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tandem slo import} without {@code --server}: into the local embedded database, through the
 * application's own components, all files in one transaction. No Spring test context: the command starts
 * the application itself, on a database in a temporary directory.
 */
class SloCommandLocalIT {

    private static final Path SAMPLE = Path.of("src/test/resources/catalog/sample-catalog-info.yaml");
    private static final String DATA_DIR = "tandem.data-dir";

    @TempDir
    Path tmp;

    private final String previousDataDir = System.getProperty(DATA_DIR);

    @AfterEach
    void restoreDataDir() {
        if (previousDataDir == null) {
            System.clearProperty(DATA_DIR);
        } else {
            System.setProperty(DATA_DIR, previousDataDir);
        }
    }

    @Test
    void importWritesTheLocalDatabaseOnceAndARefusedImportWritesNothing() throws IOException {
        System.setProperty(DATA_DIR, tmp.toString());
        assertThat(tandem("catalog", "import", SAMPLE.toString()).exitCode()).isZero();

        Path first = tmp.resolve("checkout.yaml");
        Files.writeString(first, SloFixture.builtIn("checkout-local", "checkout", "0.999", "payments"));
        CommandRun created = tandem("slo", "import", first.toString());
        assertThat(created.exitCode()).as(created.all()).isZero();
        assertThat(created.out()).contains("created   checkout-local (service checkout, version 0)")
                .contains("1 created, 0 updated, 0 unchanged");
        assertThat(tmp.resolve("tandem.mv.db")).exists();

        CommandRun again = tandem("slo", "import", first.toString());
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("unchanged checkout-local").contains("0 created, 0 updated, 1 unchanged");

        // two files, one naming a service the catalog does not have: neither is written
        Path second = tmp.resolve("ledger.yaml");
        Files.writeString(second, SloFixture.builtIn("ledger-local", "ledger", "0.99", null));
        Path orphan = tmp.resolve("orphan.yaml");
        Files.writeString(orphan, SloFixture.builtIn("orphan-local", "no-such-service", "0.99", null));
        CommandRun refused = tandem("slo", "import", second.toString(), orphan.toString());
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(1);
        assertThat(refused.err()).contains("nothing was imported").contains(orphan + ":")
                .contains("spec.service: no service 'no-such-service'");

        CommandRun dryRun = tandem("slo", "import", "--dry-run", second.toString());
        assertThat(dryRun.exitCode()).as(dryRun.all()).isZero();
        assertThat(dryRun.out()).as("the refused import wrote nothing").contains("created   ledger-local")
                .contains("dry run, nothing written: 1 created");
    }
}
