package dev.tandem.catalog;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backstage import and export over HTTP, on a catalog shared with other tests: every file is imported
 * with its entity names given a suffix of the test's own, so that imports never meet each other.
 */
@IntegrationTest
class CatalogImportIT {

    private static final String IMPORT = "/api/v1/catalog/import";

    @LocalServerPort
    int port;

    private Api api;
    private String suffix;

    @BeforeEach
    void setUp() {
        api = Api.at(port).admin();
        suffix = "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    // --- fixtures ------------------------------------------------------------------------------------

    private static String resource(String path) {
        try (InputStream in = CatalogImportIT.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern ENTITY_NAME = Pattern.compile("(?m)^  name: (\\S+)\\s*$");
    private static final Pattern REF_LINE = Pattern.compile(
            "(?m)^(\\s*(?:-|(?:name|owner|system|domain|parent|subcomponentOf):)\\s+)([A-Za-z]+:)?([A-Za-z0-9._-]+)\\s*$");

    /**
     * The file with every entity name (and every reference to one) given this test's suffix. Only name
     * and reference positions are rewritten, never descriptions, URLs or annotations.
     */
    private String renamed(String yaml) {
        Set<String> names = new LinkedHashSet<>();
        ENTITY_NAME.matcher(yaml).results().forEach(m -> names.add(m.group(1)));
        Matcher m = REF_LINE.matcher(yaml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = names.contains(m.group(3))
                    ? m.group(1) + (m.group(2) == null ? "" : m.group(2)) + m.group(3) + suffix
                    : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        String result = out.toString();
        ENTITY_NAME.matcher(result).results().forEach(r -> assertThat(r.group(1)).endsWith(suffix));
        return result;
    }

    private String sample() {
        return renamed(resource("catalog/sample-catalog-info.yaml"));
    }

    private String n(String name) {
        return name + suffix;
    }

    /** How many entities of each kind the file holds, read from its {@code kind:} lines. */
    private static Map<String, Long> kindsIn(String yaml) {
        return Pattern.compile("(?m)^kind: (\\S+)\\s*$").matcher(yaml).results().map(r -> r.group(1))
                .collect(Collectors.groupingBy(k -> k, LinkedHashMap::new, Collectors.counting()));
    }

    private static String doc(String kind, String name, String spec) {
        return "---\napiVersion: backstage.io/v1alpha1\nkind: " + kind + "\nmetadata:\n  name: " + name + "\nspec:\n"
                + spec.lines().map(l -> "  " + l + "\n").collect(Collectors.joining());
    }

    private JsonNode importOk(String yaml) {
        Api.Response r = api.postYaml(IMPORT, yaml);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private Api.Response importRefused(String yaml) {
        Api.Response r = api.postYaml(IMPORT, yaml);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).isNotBlank();
        return r;
    }

    private static int count(JsonNode summary, String field) {
        return summary.get(field).asInt();
    }

    private static Map<String, Long> outcomesByKind(JsonNode summary, String outcome) {
        Map<String, Long> out = new LinkedHashMap<>();
        JsonNode entities = summary.get("entities");
        for (int i = 0; i < entities.size(); i++) {
            JsonNode e = entities.get(i);
            if (e.get("outcome").asString().equals(outcome)) {
                out.merge(e.get("kind").asString(), 1L, Long::sum);
            }
        }
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(field == null ? array.get(i).asString() : array.get(i).get(field).asString());
        }
        return out;
    }

    private long total(String path) {
        Api.Response r = api.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("totalItems").asLong();
    }

    // --- imports that succeed ------------------------------------------------------------------------

    @Test
    void theSampleIsImportedWithCountsByKind() {
        String yaml = sample();
        Map<String, Long> kinds = kindsIn(yaml);
        long locations = kinds.getOrDefault("Location", 0L);
        long entities = kinds.values().stream().mapToLong(Long::longValue).sum() - locations;
        assertThat(locations).isEqualTo(1);

        JsonNode summary = importOk(yaml);

        assertThat(count(summary, "created")).isEqualTo(entities);
        assertThat(count(summary, "updated")).isZero();
        assertThat(count(summary, "unchanged")).isZero();
        assertThat(count(summary, "skipped")).isEqualTo(1);
        assertThat(summary.get("dryRun").asBoolean()).isFalse();
        Map<String, Long> expected = new LinkedHashMap<>(kinds);
        expected.remove("Location");
        assertThat(outcomesByKind(summary, "CREATED")).isEqualTo(expected);
        assertThat(outcomesByKind(summary, "SKIPPED")).isEqualTo(Map.of("Location", 1L));

        // what was written
        JsonNode checkout = api.get("/api/v1/services/" + n("checkout")).json();
        assertThat(checkout.get("owner").asString()).isEqualTo(n("payments"));
        assertThat(checkout.get("system").asString()).isEqualTo(n("payments-platform"));
        assertThat(checkout.get("readinessLevel").asString()).isEqualTo("B");
        assertThat(texts(checkout.get("dependsOn"), null)).containsExactlyInAnyOrder(n("payment-gateway"), n("ledger"));
        assertThat(texts(checkout.get("dependsOnResources"), null)).containsExactly(n("ledger-db"));
        assertThat(texts(checkout.get("consumesApis"), null)).containsExactly(n("payments-api"));
        assertThat(texts(api.get("/api/v1/services/" + n("ledger") + "/dependents").json(), "name"))
                .containsExactlyInAnyOrder(n("checkout"), n("payment-gateway"), n("fraud-scoring"));
        JsonNode team = api.get("/api/v1/teams/" + n("payments")).json();
        assertThat(team.get("displayName").asString()).isEqualTo("Payments");
        assertThat(team.get("email").asString()).isEqualTo("payments@example.com");
        assertThat(texts(team.get("members"), "person")).containsExactlyInAnyOrder(n("alice"), n("bob"));
        assertThat(api.get("/api/v1/systems/" + n("payments-platform")).json().get("owner").asString()).isEqualTo(n("payments"));
        assertThat(api.get("/api/v1/people/" + n("carol")).status()).isEqualTo(200);
        assertThat(total("/api/v1/services?q=" + suffix.substring(1))).isEqualTo(kinds.get("Component"));
    }

    @Test
    void aSecondImportOfTheSameFileChangesNothing() {
        String yaml = sample();
        JsonNode first = importOk(yaml);
        int version = api.get("/api/v1/services/" + n("checkout")).json().get("version").asInt();
        long audited = total("/api/v1/audit?entityType=service&entityName=" + n("checkout"));

        JsonNode second = importOk(yaml);

        assertThat(count(second, "created")).isZero();
        assertThat(count(second, "updated")).isZero();
        assertThat(count(second, "unchanged")).isEqualTo(count(first, "created"));
        assertThat(count(second, "skipped")).isEqualTo(1);
        assertThat(api.get("/api/v1/services/" + n("checkout")).json().get("version").asInt()).isEqualTo(version);
        assertThat(total("/api/v1/audit?entityType=service&entityName=" + n("checkout"))).isEqualTo(audited);
    }

    @Test
    void exportingAndReimportingTheCatalogChangesNothing() {
        importOk(sample());
        // and a service made through the API with every field set, including a runbook link that is not its runbook
        String owner = n("payments");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", n("handmade"));
        body.put("title", "Handmade <b>service</b>");
        body.put("description", "Made by hand: \"quotes\", colons: and # hashes\nand a second line");
        body.put("type", "website");
        body.put("owner", owner);
        body.put("system", n("payments-platform"));
        body.put("readinessLevel", "C");
        body.put("lifecycle", "experimental");
        body.put("tier", 3);
        body.put("repositoryUrl", "https://git.example.com/handmade");
        body.put("tags", List.of("java", "c++"));
        body.put("links", List.of(Map.of("url", "https://grafana.example.com/d/handmade", "title", "Dash", "type", "dashboard"),
                Map.of("url", "https://runbooks.example.com/old-handmade", "title", "Old runbook", "type", "runbook")));
        body.put("dependsOn", List.of(n("ledger")));
        body.put("dependsOnResources", List.of(n("ledger-db")));
        Api.Response created = api.post("/api/v1/services", Api.json(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode before = api.get("/api/v1/services/" + n("handmade")).json();
        // a system made through the API, and an imported service retitled through it
        Api.Response system = api.post("/api/v1/systems", Api.json(Map.of("name", n("handmade-system"),
                "title", "Handmade System", "owner", owner)));
        assertThat(system.status()).as(system.body()).isEqualTo(201);
        JsonNode ledger = api.get("/api/v1/services/" + n("ledger")).json();
        Api.Response retitled = api.put("/api/v1/services/" + n("ledger"), Api.json(Map.of("name", n("ledger"),
                "title", "Ledger, retitled", "owner", owner, "readinessLevel", "B",
                "dependsOnResources", List.of(n("ledger-db")), "version", ledger.get("version").asInt())));
        assertThat(retitled.status()).as(retitled.body()).isEqualTo(200);

        Api.Response export = api.get("/api/v1/catalog/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/yaml");
        assertThat(export.body()).contains("name: " + n("handmade")).contains("name: " + n("checkout"));

        JsonNode summary = importOk(export.body());

        assertThat(summary.get("entities").toString()).doesNotContain("UPDATED", "CREATED");
        assertThat(count(summary, "created")).isZero();
        assertThat(count(summary, "updated")).isZero();
        assertThat(count(summary, "unchanged")).isPositive();
        JsonNode after = api.get("/api/v1/services/" + n("handmade")).json();
        assertThat(after).isEqualTo(before);
        assertThat(after.has("runbookUrl") && !after.get("runbookUrl").isNull()).isFalse();
        assertThat(api.get("/api/v1/systems/" + n("handmade-system")).json().get("title").asString()).isEqualTo("Handmade System");
        assertThat(api.get("/api/v1/services/" + n("ledger")).json().get("title").asString()).isEqualTo("Ledger, retitled");
    }

    @Test
    void changingOneDescriptionUpdatesExactlyThatEntity() {
        String yaml = sample();
        JsonNode first = importOk(yaml);
        String old = "description: Web service that takes an order through payment.";
        assertThat(yaml).contains(old);

        JsonNode second = importOk(yaml.replace(old, "description: Takes an order through payment, now faster."));

        assertThat(count(second, "updated")).isEqualTo(1);
        assertThat(count(second, "created")).isZero();
        assertThat(count(second, "unchanged")).isEqualTo(count(first, "created") - 1);
        JsonNode entities = second.get("entities");
        List<String> updated = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            if (entities.get(i).get("outcome").asString().equals("UPDATED")) {
                updated.add(entities.get(i).get("kind").asString() + ":" + entities.get(i).get("name").asString());
            }
        }
        assertThat(updated).containsExactly("Component:" + n("checkout"));
        JsonNode checkout = api.get("/api/v1/services/" + n("checkout")).json();
        assertThat(checkout.get("description").asString()).isEqualTo("Takes an order through payment, now faster.");
        assertThat(checkout.get("version").asInt()).isEqualTo(1);
        assertThat(texts(api.get("/api/v1/audit?entityType=service&entityName=" + n("checkout")).json().get("items"), "action"))
                .containsExactly("import-update", "import-create");
    }

    @Test
    void aDryRunReportsButWritesNothing() {
        long teams = total("/api/v1/teams");
        long people = total("/api/v1/people");
        long services = total("/api/v1/services");
        long systems = total("/api/v1/systems");

        Api.Response r = api.postYaml(IMPORT + "?dryRun=true", sample());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode summary = r.json();
        assertThat(summary.get("dryRun").asBoolean()).isTrue();
        assertThat(count(summary, "created")).isPositive();
        assertThat(count(summary, "skipped")).isEqualTo(1);
        assertThat(total("/api/v1/teams")).isEqualTo(teams);
        assertThat(total("/api/v1/people")).isEqualTo(people);
        assertThat(total("/api/v1/services")).isEqualTo(services);
        assertThat(total("/api/v1/systems")).isEqualTo(systems);
        assertThat(api.get("/api/v1/teams/" + n("payments")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/services/" + n("checkout")).status()).isEqualTo(404);

        // the real import that follows creates what the dry run announced
        JsonNode real = importOk(sample());
        assertThat(count(real, "created")).isEqualTo(count(summary, "created"));
    }

    // --- refused files -------------------------------------------------------------------------------

    @Test
    void aMissingOwnerInTheThirdDocumentRefusesTheWholeFile() {
        String yaml = doc("Group", n("team"), "type: team\nchildren: []\n")
                + doc("User", n("user"), "memberOf:\n  - " + n("team") + "\n")
                + doc("Component", n("svc"), "type: service\nlifecycle: production\n");

        Api.Response r = importRefused(yaml);

        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("index").asInt()).isEqualTo(2);
        assertThat(error.get("path").asString()).isEqualTo("spec.owner");
        assertThat(error.get("kind").asString()).isEqualTo("Component");
        assertThat(error.get("name").asString()).isEqualTo(n("svc"));
        assertThat(error.get("line").asInt()).isPositive();
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(api.get("/api/v1/teams/" + n("team")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/people/" + n("user")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/services/" + n("svc")).status()).isEqualTo(404);
    }

    @Test
    void anUnknownOwnerNamesTheDocumentAndTheField() {
        String yaml = doc("Group", n("team"), "type: team\nchildren: []\n")
                + doc("Component", n("svc"), "type: service\nlifecycle: production\nowner: " + n("nobody") + "\n");

        Api.Response r = importRefused(yaml);

        JsonNode errors = r.json().get("errors");
        assertThat(errors.size()).isEqualTo(1);
        JsonNode error = errors.get(0);
        assertThat(error.get("index").asInt()).isEqualTo(1);
        assertThat(error.get("kind").asString()).isEqualTo("Component");
        assertThat(error.get("name").asString()).isEqualTo(n("svc"));
        assertThat(error.get("path").asString()).isEqualTo("spec.owner");
        assertThat(error.get("message").asString()).contains(n("nobody"));
        assertThat(r.json().get("detail").asString()).contains("document 2 (Component " + n("svc") + "), spec.owner");
        assertThat(api.get("/api/v1/teams/" + n("team")).status()).isEqualTo(404);
    }

    @Test
    void aDuplicateEntityInOneFileIsRefused() {
        String group = doc("Group", n("dup"), "type: team\nchildren: []\n");

        Api.Response r = importRefused(group + doc("Group", n("other"), "type: team\nchildren: []\n") + group);

        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("index").asInt()).isEqualTo(2);
        assertThat(error.get("path").asString()).isEqualTo("metadata.name");
        assertThat(error.get("message").asString()).contains("already defined");
        assertThat(api.get("/api/v1/teams/" + n("dup")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/teams/" + n("other")).status()).isEqualTo(404);
    }

    @Test
    void malformedYamlIsRefusedWithALineNumber() {
        String yaml = doc("Group", n("fine"), "type: team\nchildren: []\n")
                + "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: [unclosed\nspec:\n  type: team\n";
        long brokenLine = yaml.lines().takeWhile(l -> !l.contains("[unclosed")).count() + 1;

        Api.Response r = importRefused(yaml);

        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("line").asInt()).isBetween((int) brokenLine, (int) yaml.lines().count() + 1);
        assertThat(api.get("/api/v1/teams/" + n("fine")).status()).isEqualTo(404);
    }

    @Test
    void aNameThatBreaksBackstageRulesIsRefused() {
        Api.Response r = importRefused(doc("Group", "bad--name" + suffix, "type: team\nchildren: []\n"));

        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("index").asInt()).isZero();
        assertThat(error.get("path").asString()).isEqualTo("metadata.name");
        assertThat(api.get("/api/v1/teams/bad--name" + suffix).status()).isEqualTo(404);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndNothingIsWritten() {
        String head = doc("Group", n("huge"), "type: team\nchildren: []\n");
        StringBuilder yaml = new StringBuilder(head);
        String padding = "# " + "x".repeat(97) + "\n";
        while (yaml.length() < 20 * 1024 * 1024) {
            yaml.append(padding);
        }

        Api.Response r = api.postBytes(IMPORT, "application/yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(413);
        assertThat(api.get("/api/v1/teams/" + n("huge")).status()).isEqualTo(404);
    }

    @Test
    void yamlSentAsJsonIsAnUnsupportedMediaType() {
        String yaml = doc("Group", n("json"), "type: team\nchildren: []\n");

        Api.Response r = api.postBytes(IMPORT, "application/json", yaml.getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(415);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("application/yaml");
        assertThat(api.get("/api/v1/teams/" + n("json")).status()).isEqualTo(404);
    }

    // --- the demo organisation -----------------------------------------------------------------------

    @Test
    void theDemoFileMapsAnnotationsLinksAndMemberships() {
        String yaml = renamed(resource("demo/catalog-info.yaml"));

        JsonNode summary = importOk(yaml);
        assertThat(count(summary, "created")).isEqualTo(kindsIn(yaml).values().stream().mapToLong(Long::longValue).sum());

        JsonNode web = api.get("/api/v1/services/" + n("web-frontend")).json();
        assertThat(web.get("title").asString()).isEqualTo("Web frontend");
        assertThat(web.get("owner").asString()).isEqualTo(n("storefront"));
        assertThat(web.get("system").asString()).isEqualTo(n("shop"));
        assertThat(web.get("readinessLevel").asString()).isEqualTo("B");
        assertThat(web.get("tier").asInt()).isEqualTo(1);
        assertThat(web.get("repositoryUrl").asString()).isEqualTo("https://git.example.com/storefront/web-frontend");
        assertThat(web.get("runbookUrl").asString()).isEqualTo("https://runbooks.example.com/web-frontend");
        assertThat(texts(web.get("tags"), null)).containsExactly("typescript", "http");
        List<String> dashboards = new ArrayList<>();
        for (int i = 0; i < web.get("links").size(); i++) {
            JsonNode link = web.get("links").get(i);
            if (link.has("type") && link.get("type").asString().equals("dashboard")) {
                dashboards.add(link.get("url").asString());
            }
        }
        assertThat(dashboards).containsExactly("https://grafana.example.com/d/web-frontend");
        assertThat(texts(web.get("dependsOn"), null)).contains(n("search"), n("cart"), n("product-catalog"));

        JsonNode cart = api.get("/api/v1/services/" + n("cart")).json();
        assertThat(cart.get("readinessLevel").asString()).isEqualTo("A");
        assertThat(cart.get("tier").asInt()).isEqualTo(1);
        assertThat(texts(api.get("/api/v1/services/" + n("product-catalog")).json().get("dependsOnResources"), null))
                .containsExactly(n("orders-db"));

        JsonNode sre = api.get("/api/v1/teams/" + n("sre")).json();
        assertThat(sre.get("chatChannel").asString()).isEqualTo("#sre");
        assertThat(sre.get("displayName").asString()).isEqualTo("SRE");
        assertThat(texts(sre.get("members"), "person"))
                .containsExactlyInAnyOrder(n("ayumi.tanaka"), n("lars.berg"), n("maria.gomez"));
        JsonNode ayumi = api.get("/api/v1/people/" + n("ayumi.tanaka")).json();
        assertThat(ayumi.get("role").asString()).isEqualTo("SRE");
        assertThat(ayumi.get("email").asString()).isEqualTo("ayumi.tanaka@example.com");
        assertThat(texts(ayumi.get("teams"), null)).containsExactly(n("sre"));
        assertThat(api.get("/api/v1/people/" + n("maria.gomez")).json().get("role").asString()).isEqualTo("MANAGER");
        assertThat(texts(api.get("/api/v1/teams/" + n("platform")).json().get("members"), "person")).contains(n("ken.ito"));
    }
}
