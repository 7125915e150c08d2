package dev.tandem.checks.manifest.rules;

import dev.tandem.checks.CheckDefinition;
import dev.tandem.checks.Findings;
import dev.tandem.checks.ManifestCheck;
import dev.tandem.checks.manifest.ManifestObject;
import dev.tandem.checks.manifest.ManifestSet;
import dev.tandem.checks.manifest.YamlNode;

import java.util.List;

import static dev.tandem.checks.Requirement.RECOMMENDED;
import static dev.tandem.checks.Requirement.REQUIRED;

/** Replica counts and the HorizontalPodAutoscalers that manage them. */
final class Replicas {

    private Replicas() {
    }

    static final class Minimum implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.replicas.minimum",
                "Deployments and StatefulSets run at least two replicas", "Availability",
                "Each Deployment and StatefulSet runs two or more pods: spec.replicas of at least 2, or a "
                        + "HorizontalPodAutoscaler with minReplicas of at least 2. With one pod, every rollout, node "
                        + "drain or crash is an outage.",
                "Set spec.replicas to 2 or more, or (when an HPA scales the workload) set the HPA's minReplicas to "
                        + "2 or more.",
                REQUIRED, REQUIRED, RECOMMENDED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            for (ManifestObject w : manifests.workloads()) {
                if (!Disruption.replicated(w)) {
                    continue;
                }
                List<ManifestObject> hpas = manifests.autoscalersOf(w);
                if (hpas.isEmpty()) {
                    YamlNode replicas = w.spec().get("replicas");
                    Integer n = replicas.integer();
                    int count = n == null ? 1 : n;
                    out.passIf(count >= 2, w, null, replicas.exists() ? replicas : w.root(),
                            "runs " + count + " replicas",
                            n == null ? "sets no replicas, so Kubernetes runs 1" : "runs " + count + (count == 1 ? " replica" : " replicas"));
                } else {
                    int min = manifests.minimumReplicas(w);
                    ManifestObject hpa = hpas.get(0);
                    out.passIf(min >= 2, w, null, w.root(),
                            "HorizontalPodAutoscaler " + hpa.name() + " keeps at least " + min + " replicas",
                            "HorizontalPodAutoscaler " + hpa.name() + " lets it scale down to " + min
                                    + (min == 1 ? " replica" : " replicas"));
                }
            }
        }
    }

    static final class HpaNoFixedReplicas implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.hpa.no-fixed-replicas",
                "Workloads scaled by an HPA leave spec.replicas unset", "Scaling",
                "A Deployment or StatefulSet that a HorizontalPodAutoscaler scales does not set spec.replicas. "
                        + "Every apply of the manifest resets the replica count to the fixed number, undoing what the "
                        + "autoscaler decided, often in the middle of a traffic peak.",
                "Remove spec.replicas from the workload and let the HPA's minReplicas and maxReplicas govern.",
                REQUIRED, RECOMMENDED, RECOMMENDED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            for (ManifestObject w : manifests.workloads()) {
                List<ManifestObject> hpas = manifests.autoscalersOf(w);
                if (hpas.isEmpty()) {
                    continue;
                }
                YamlNode replicas = w.spec().get("replicas");
                out.passIf(!replicas.exists(), w, null, replicas,
                        "leaves its replicas to HorizontalPodAutoscaler " + hpas.get(0).name(),
                        "sets replicas: " + replicas.text() + " although HorizontalPodAutoscaler " + hpas.get(0).name()
                                + " scales it");
            }
        }
    }

    static final class HpaTargetExists implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.hpa.target-exists",
                "HorizontalPodAutoscalers target an existing workload", "Scaling",
                "The object each HorizontalPodAutoscaler's scaleTargetRef names (kind and name, in the same "
                        + "namespace) is among the manifests analysed. A misspelt or renamed target leaves the "
                        + "service without the autoscaling everyone believes it has.",
                "Correct scaleTargetRef (apiVersion, kind, name) to name the workload, or analyse the HPA together "
                        + "with the manifests of what it scales.",
                REQUIRED, RECOMMENDED, RECOMMENDED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            for (ManifestObject hpa : manifests.horizontalPodAutoscalers()) {
                YamlNode target = hpa.spec().get("scaleTargetRef");
                String kind = target.get("kind").text("");
                String name = target.get("name").text("");
                boolean found = !kind.isEmpty() && manifests.find(kind, hpa.namespace(), name).isPresent();
                out.passIf(found, hpa, null, target,
                        "scales " + kind + " " + name,
                        "scaleTargetRef names " + (kind.isEmpty() ? "no kind" : kind) + " " + (name.isEmpty() ? "(no name)" : name)
                                + ", which is not among the analysed objects");
            }
        }
    }
}
