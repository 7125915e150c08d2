package dev.tandem.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tandem slo push}: what batch jobs and synthetic probes run to send their SLI counts to an SLO on
 * the built-in store. Needs a server: pushed counts are evaluated at once, and the server's policy
 * events and notifications follow from there.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Send SLI counts to an SLO on Tandem's built-in store: a JSON array of {\"timestamp\", \"good\" or \"bad\", "
                + "\"total\"}, or CSV lines timestamp,good,total (a header timestamp,bad,total counts bad events). "
                + "A batch is stored whole or refused whole. Exit 0 when stored, 1 when refused, 2 on a usage error.")
class SloPushCommand implements Callable<Integer> {

    private static final Pattern INDEX = Pattern.compile("^\\[(\\d+)]$");

    @Parameters(index = "0", paramLabel = "NAME", description = "The SLO's name")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "The counts; - or none reads standard input.")
    String file;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws Exception {
        if (!server.remote()) {
            System.err.println("push needs --server URL (and --token or $TANDEM_TOKEN): pushed counts go to a running Tandem");
            return SloExit.USAGE;
        }
        String text;
        String source = file == null || file.equals("-") ? "standard input" : file;
        try {
            text = file == null || file.equals("-")
                    ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            System.err.println(file + ": no such file");
            return SloExit.USAGE;
        } catch (IOException e) {
            System.err.println(source + ": cannot read: " + e.getMessage());
            return SloExit.USAGE;
        }
        PushInput input;
        try {
            input = PushInput.parse(text);
        } catch (PushInput.Invalid e) {
            System.err.println(source + ": " + e.getMessage() + "; nothing was sent");
            return SloExit.REFUSED;
        }
        HttpResponse<String> response;
        try {
            response = Http.send(HttpRequest.newBuilder(Http.uri(server.url("/api/v1/slos/"
                            + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "/events")))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(input.json(), StandardCharsets.UTF_8)), server.token);
        } catch (IOException e) {
            System.err.println(server.server + ": cannot reach the server: " + e);
            return SloExit.USAGE;
        }
        JsonNode body = SloExit.problem(response);
        if (response.statusCode() == 200) {
            System.out.println("SLO " + (body == null ? name : SloExit.text(body, "slo")) + ": "
                    + (body == null ? "stored" : body.path("points").asInt() + " point(s) stored"));
            return SloExit.OK;
        }
        System.err.println("nothing was stored: " + SloExit.describe(response, body));
        if (body != null && body.has("errors")) {
            for (JsonNode e : body.get("errors")) {
                String field = SloExit.text(e, "field");
                Matcher m = INDEX.matcher(field == null ? "" : field);
                String where = m.matches() ? input.where(Integer.parseInt(m.group(1))) : field;
                System.err.println(source + ": " + (where == null ? "" : where + ": ") + SloExit.text(e, "message"));
            }
        }
        return SloExit.REFUSED;
    }
}
