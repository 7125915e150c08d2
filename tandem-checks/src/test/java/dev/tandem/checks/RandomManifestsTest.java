package dev.tandem.checks;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property over generated input: whatever the documents hold (Kubernetes field names with values of the wrong
 * shape, known kinds in odd API groups, text cut short or with stray characters), the analyzer either returns an
 * analysis or throws {@link InvalidManifestException} with the file and a line; nothing else escapes. Each
 * repetition uses its own fixed seed, so a failure names a case that can be replayed.
 */
class RandomManifestsTest {

    private static final String[] KEYS = {"apiVersion", "kind", "metadata", "name", "namespace", "labels", "annotations",
            "spec", "replicas", "selector", "matchLabels", "matchExpressions", "key", "operator", "values", "template",
            "containers", "initContainers", "image", "resources", "requests", "limits", "cpu", "memory", "readinessProbe",
            "livenessProbe", "httpGet", "path", "port", "securityContext", "runAsUser", "runAsNonRoot", "privileged",
            "allowPrivilegeEscalation", "strategy", "type", "updateStrategy", "minAvailable", "maxUnavailable",
            "scaleTargetRef", "minReplicas", "items", "lifecycle", "preStop", "terminationGracePeriodSeconds",
            "affinity", "podAntiAffinity", "topologySpreadConstraints", "jobTemplate", "tandem.dev/ignore"};
    private static final String STRAY = "{[:\t-&*!|>'\"%@`";
    private static final String[] KINDS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController",
            "Job", "CronJob", "Pod", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler", "List", "ConfigMap", "Widget"};
    private static final String[] API_VERSIONS = {"v1", "apps/v1", "batch/v1", "policy/v1", "policy/v1beta1",
            "autoscaling/v2", "autoscaling/v1", "example.com/v1", "extensions/v1beta1", ""};

    @RepeatedTest(300)
    void anyInputGivesAnAnalysisOrAParseProblem(RepetitionInfo repetition) {
        long seed = 0x7a4d3L * repetition.getCurrentRepetition();
        Random random = new Random(seed);
        String yaml = documents(random);
        if (random.nextInt(3) == 0) {
            yaml = mutate(yaml, random);
        }
        try {
            Analysis analysis = new ManifestAnalyzer().analyze("random.yaml", yaml);
            assertThat(analysis.results()).hasSize(new ManifestAnalyzer().checks().size());
            assertThat(analysis.findings()).allSatisfy(f -> assertThat(f.location().line()).isPositive());
        } catch (InvalidManifestException e) {
            assertThat(e.file()).isEqualTo("random.yaml");
            assertThat(e.line()).isGreaterThanOrEqualTo(0);
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + " crashed the analyzer on:\n" + yaml, e);
        }
    }

    private static String documents(Random random) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(random.nextBoolean() ? DumperOptions.FlowStyle.BLOCK : DumperOptions.FlowStyle.AUTO);
        Yaml yaml = new Yaml(options);
        List<Object> docs = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            Map<String, Object> doc = new LinkedHashMap<>();
            if (random.nextInt(10) > 0) {
                doc.put("apiVersion", API_VERSIONS[random.nextInt(API_VERSIONS.length)]);
            }
            if (random.nextInt(10) > 0) {
                doc.put("kind", KINDS[random.nextInt(KINDS.length)]);
            }
            Object body = value(random, 0);
            if (body instanceof Map) {
                ((Map<?, ?>) body).forEach((k, v) -> doc.put(String.valueOf(k), v));
            }
            docs.add(random.nextInt(12) == 0 ? value(random, 3) : doc);
        }
        return yaml.dumpAll(docs.iterator());
    }

    private static Object value(Random random, int depth) {
        int choice = depth > 6 ? 4 + random.nextInt(5) : random.nextInt(9);
        switch (choice) {
            case 0: case 1: case 2: {
                Map<String, Object> map = new LinkedHashMap<>();
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    map.put(KEYS[random.nextInt(KEYS.length)], value(random, depth + 1));
                }
                return map;
            }
            case 3: {
                List<Object> list = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    list.add(value(random, depth + 1));
                }
                return list;
            }
            case 4: return random.nextInt(5) - 1;
            case 5: return random.nextBoolean();
            case 6: return null;
            case 7: return new String[] {"0", "100%", "0%", "Recreate", "OnDelete", "In", "Exists", "web:latest", "1Gi", "*"}[random.nextInt(10)];
            default: return KEYS[random.nextInt(KEYS.length)];
        }
    }

    private static String mutate(String yaml, Random random) {
        StringBuilder s = new StringBuilder(yaml);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0: s.setLength(at); break;
                case 1: s.insert(at, STRAY.charAt(random.nextInt(STRAY.length()))); break;
                default: s.deleteCharAt(at);
            }
        }
        return s.toString();
    }
}
