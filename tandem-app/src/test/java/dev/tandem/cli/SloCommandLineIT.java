package dev.tandem.cli;

import dev.tandem.slo.SloFixture;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.tandem.cli.CommandRun.tandem;
import static dev.tandem.cli.CommandRun.tandemWithInput;
import static dev.tandem.slo.SloFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code tandem slo import} and {@code tandem slo push} against a running server, with the tokens of real users. */
@IntegrationTest
class SloCommandLineIT {

    @LocalServerPort
    int port;

    @TempDir
    Path tmp;

    private SloFixture f;
    private String server;
    private String memberToken;

    @BeforeEach
    void setUp() {
        f = new SloFixture(port);
        server = "http://127.0.0.1:" + port;
        memberToken = f.admin.tokenFor("member-" + f.run);
    }

    private String[] remote(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server";
        all[args.length + 1] = server;
        all[args.length + 2] = "--token";
        all[args.length + 3] = memberToken;
        return all;
    }

    private Path file(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static String sloth(String service, String name, String objective) {
        return """
                version: "prometheus/v1"
                service: "%s"
                slos:
                  - name: "%s"
                    objective: %s
                    sli:
                      events:
                        error_query: sum(rate(http_requests_total{code="500"}[{{.window}}]))
                        total_query: sum(rate(http_requests_total[{{.window}}]))
                """.formatted(service, name, objective);
    }

    @Test
    void importSendsAllFilesAsOneImportAndASecondRunChangesNothing() throws IOException {
        String service = f.service("cli", "B");
        String open = "cli-open-" + f.run;
        String slothSlo = service + "-sloth";
        Path a = file("open.yaml", SloFixture.builtIn(open, service, "0.999", null));
        Path b = file("sloth.yaml", sloth(service, "sloth", "99.5"));

        CommandRun dry = tandem(remote("slo", "import", "--dry-run", a.toString(), b.toString()));
        assertThat(dry.exitCode()).as(dry.all()).isZero();
        assertThat(dry.out()).contains("created   " + open).contains("created   " + slothSlo)
                .contains("dry run, nothing written: 2 created, 0 updated, 0 unchanged");
        status(f.admin.get("/api/v1/slos/" + open), 404);

        CommandRun first = tandem(remote("slo", "import", a.toString(), b.toString()));
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains("created   " + open + " (service " + service + ", version 0)")
                .contains("created   " + slothSlo).contains("2 created, 0 updated, 0 unchanged");
        assertThat(status(f.admin.get("/api/v1/slos/" + open), 200).json().get("service").asString()).isEqualTo(service);
        JsonNode sloth = status(f.admin.get("/api/v1/slos/" + slothSlo), 200).json();
        assertThat(sloth.get("target").asDouble()).isEqualTo(0.995);

        CommandRun second = tandem(remote("slo", "import", a.toString(), b.toString()));
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("unchanged " + open).contains("unchanged " + slothSlo)
                .contains("0 created, 0 updated, 2 unchanged");

        // the Sloth file on its own, as the server's own import of it, is the same SLO: unchanged
        CommandRun alone = tandem(remote("slo", "import", b.toString()));
        assertThat(alone.exitCode()).as(alone.all()).isZero();
        assertThat(alone.out()).contains("0 created, 0 updated, 1 unchanged");

        Path changed = file("changed.yaml", sloth(service, "sloth", "99.9"));
        CommandRun dryUpdate = tandem(remote("slo", "import", "--dry-run", changed.toString()));
        assertThat(dryUpdate.out()).as(dryUpdate.all()).contains("updated   " + slothSlo);
        assertThat(status(f.admin.get("/api/v1/slos/" + slothSlo), 200).json().get("target").asDouble()).isEqualTo(0.995);
        CommandRun update = tandem(remote("slo", "import", changed.toString()));
        assertThat(update.out()).as(update.all()).contains("updated   " + slothSlo + " (service " + service + ", version 1)");
        assertThat(status(f.admin.get("/api/v1/slos/" + slothSlo), 200).json().get("target").asDouble()).isEqualTo(0.999);
    }

    @Test
    void aRefusedImportNamesTheFileLineAndFieldExitsOneAndWritesNothing() throws IOException {
        String service = f.service("refuse", "B");
        String good = "cli-good-" + f.run;
        String orphan = "cli-orphan-" + f.run;
        Path a = file("good.yaml", SloFixture.builtIn(good, service, "0.99", null));
        String badText = "# an SLO for a service the catalog does not know\n"
                + SloFixture.builtIn(orphan, "no-such-service-" + f.run, "0.99", null);
        Path b = file("bad.yaml", badText);
        int line = badText.lines().toList().indexOf("  service: no-such-service-" + f.run) + 1;
        assertThat(line).isPositive();

        CommandRun r = tandem(remote("slo", "import", a.toString(), b.toString()));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains("nothing was imported")
                .contains(b + ":" + line + ": document 1 (SLO " + orphan + "), spec.service: no service 'no-such-service-" + f.run + "'");
        status(f.admin.get("/api/v1/slos/" + good), 404);
        status(f.admin.get("/api/v1/slos/" + orphan), 404);

        // a file the engine refuses is reported from the file itself, and nothing is sent
        String brokenText = SloFixture.builtIn("cli-broken-" + f.run, service, "1.5", null);
        Path broken = file("broken.yaml", brokenText);
        int targetLine = brokenText.lines().toList().indexOf("    - target: 1.5") + 1;
        CommandRun refused = tandem(remote("slo", "import", a.toString(), broken.toString()));
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(1);
        assertThat(refused.err()).contains(broken + ":" + targetLine + ": document 1").contains("spec.objectives[0].target")
                .contains("nothing was imported");
        status(f.admin.get("/api/v1/slos/" + good), 404);

        // not allowed: a viewer's token
        String viewer = f.admin.tokenFor("viewer-" + f.run);
        CommandRun denied = tandem("slo", "import", a.toString(), "--server", server, "--token", viewer);
        assertThat(denied.exitCode()).as(denied.all()).isEqualTo(1);
        assertThat(denied.err()).contains("nothing was imported: HTTP 403");
        status(f.admin.get("/api/v1/slos/" + good), 404);

        CommandRun missing = tandem(remote("slo", "import", tmp.resolve("missing.yaml").toString()));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("missing.yaml: no such file");
    }

    @Test
    void pushSendsJsonFromAFileOrCsvFromStandardInput() throws IOException {
        String service = f.service("push", "B");
        String name = "cli-push-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(name, service, "0.99", null)), 200);

        Path json = file("points.json", SloFixture.points(10, 1, 100));
        CommandRun r = tandem(remote("slo", "push", name, json.toString()));
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("SLO " + name + ": 10 point(s) stored");
        JsonNode counts = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json().get("counts");
        assertThat(counts.get("total").asLong()).isEqualTo(1000);
        assertThat(counts.get("good").asLong()).isEqualTo(990);

        long minute = Instant.now().getEpochSecond() / 60 * 60;
        String csv = "# probe results\ntimestamp,bad,total\n"
                + Instant.ofEpochSecond(minute - 1200) + ",5,50\n\n"
                + Instant.ofEpochSecond(minute - 1260) + ", 0 , 50\n";
        CommandRun fromStdin = tandemWithInput(csv, remote("slo", "push", name, "-"));
        assertThat(fromStdin.exitCode()).as(fromStdin.all()).isZero();
        assertThat(fromStdin.out()).contains("2 point(s) stored");
        counts = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json().get("counts");
        assertThat(counts.get("total").asLong()).isEqualTo(1100);
        assertThat(counts.get("good").asLong()).isEqualTo(1085);
    }

    @Test
    void badPointsAreRefusedWholeWithTheirLinesAndANonZeroExit() throws IOException {
        String service = f.service("pushbad", "B");
        String name = "cli-pushbad-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(name, service, "0.99", null)), 200);
        long minute = Instant.now().getEpochSecond() / 60 * 60;

        // refused by the server: point [1] (line 3) has more good than total; the batch is refused whole
        String csv = "timestamp,good,total\n" + Instant.ofEpochSecond(minute - 60) + ",10,10\n"
                + Instant.ofEpochSecond(minute - 120) + ",11,10\n";
        CommandRun r = tandem(remote("slo", "push", name, file("bad.csv", csv).toString()));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains("nothing was stored: HTTP 400").contains("bad.csv: line 3: need 0 <= good <= total");
        assertThat(status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json().get("counts").get("total").asLong()).isZero();

        // refused before sending: not a number, not JSON
        CommandRun notNumber = tandemWithInput(Instant.ofEpochSecond(minute) + ",ten,10\n", remote("slo", "push", name));
        assertThat(notNumber.exitCode()).isEqualTo(1);
        assertThat(notNumber.err()).contains("standard input: line 1: good 'ten' is not a whole number; nothing was sent");
        CommandRun notJson = tandemWithInput("[{\"timestamp\": ", remote("slo", "push", name));
        assertThat(notJson.exitCode()).isEqualTo(1);
        assertThat(notJson.err()).contains("not valid JSON");

        // a JSON point the server refuses is named by its index
        CommandRun badJson = tandemWithInput("[{\"timestamp\":\"yesterday\",\"good\":1,\"total\":1}]", remote("slo", "push", name));
        assertThat(badJson.exitCode()).isEqualTo(1);
        assertThat(badJson.err()).contains("point [0]: timestamp 'yesterday' is not ISO-8601");

        CommandRun unknown = tandemWithInput(SloFixture.points(1, 0, 1), remote("slo", "push", "no-such-slo-" + f.run));
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("HTTP 404");

        CommandRun noServer = tandemWithInput(SloFixture.points(1, 0, 1), "slo", "push", name);
        assertThat(noServer.exitCode()).isEqualTo(2);
        assertThat(noServer.err()).contains("push needs --server");
        assertThat(status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json().get("counts").get("total").asLong()).isZero();
    }

    @Test
    void theSloCommandListsItsServerSubcommandsNextToTheOfflineOnes() {
        CommandRun help = tandem("slo", "--help");
        assertThat(help.exitCode()).isZero();
        for (String sub : List.of("validate", "rules", "status", "import", "push")) {
            assertThat(help.out()).contains(sub);
        }
    }
}
