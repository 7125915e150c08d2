package dev.tandem.checks.manifest.rules;

import dev.tandem.checks.CheckDefinition;
import dev.tandem.checks.Findings;
import dev.tandem.checks.ManifestCheck;
import dev.tandem.checks.manifest.LabelSelector;
import dev.tandem.checks.manifest.ManifestObject;
import dev.tandem.checks.manifest.ManifestSet;
import dev.tandem.checks.manifest.WorkloadKind;
import dev.tandem.checks.manifest.YamlNode;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.tandem.checks.Requirement.RECOMMENDED;
import static dev.tandem.checks.Requirement.REQUIRED;

/** How objects find each other by labels: workload selectors and Service selectors. */
final class Wiring {

    private Wiring() {
    }

    static final class SelectorMatches implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.selector-matches",
                "Workload selectors match their pod templates", "Configuration",
                "The selector of each Deployment, StatefulSet, DaemonSet, ReplicaSet and ReplicationController "
                        + "(matchLabels and matchExpressions with In, NotIn, Exists and DoesNotExist) matches the "
                        + "labels of its own pod template. A mismatch is refused by the API server, or, for a "
                        + "selector broader than intended, makes controllers fight over each other's pods.",
                "Make spec.selector and spec.template.metadata.labels agree: every matchLabels pair present in "
                        + "the template labels, every expression true of them.",
                REQUIRED, REQUIRED, REQUIRED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            for (ManifestObject w : manifests.workloads()) {
                WorkloadKind kind = w.workloadKind();
                if (kind == WorkloadKind.JOB || kind == WorkloadKind.CRON_JOB || kind == WorkloadKind.POD) {
                    continue; // Jobs get generated selectors; Pods have none
                }
                YamlNode node = w.spec().get("selector");
                if (!node.exists()) {
                    if (kind == WorkloadKind.REPLICATION_CONTROLLER) {
                        out.pass(w, null, w.spec(), "has no selector, so it selects its template labels");
                    } else {
                        out.fail(w, null, w.spec(), "has no spec.selector");
                    }
                    continue;
                }
                LabelSelector selector = kind == WorkloadKind.REPLICATION_CONTROLLER ? LabelSelector.ofMap(node) : LabelSelector.of(node);
                Map<String, String> labels = w.podLabels();
                if (selector.isEmpty()) {
                    out.fail(w, null, node, "has an empty selector");
                } else {
                    out.passIf(selector.matches(labels), w, null, node,
                            "selector " + selector + " matches the pod template labels",
                            "selector " + selector + " does not match the pod template labels " + describe(labels));
                }
            }
        }
    }

    static final class ServiceTargetsPods implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.service.targets-pods",
                "Services select the pods of a workload", "Configuration",
                "Each Service with a selector selects the pod template of some workload among the manifests "
                        + "analysed, in the same namespace. A Service whose selector matches no pods has no endpoints: "
                        + "every request to it fails, usually after a label was renamed on one side only.",
                "Make the Service's spec.selector a subset of the target workload's pod template labels, or "
                        + "analyse the Service together with the manifests of its pods.",
                REQUIRED, RECOMMENDED, RECOMMENDED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            for (ManifestObject service : manifests.services()) {
                YamlNode node = service.spec().get("selector");
                if ("ExternalName".equals(service.spec().get("type").text()) || node.stringMap().isEmpty()) {
                    continue; // no selector: endpoints are managed by hand or by another controller
                }
                LabelSelector selector = LabelSelector.ofMap(node);
                List<ManifestObject> targets = manifests.workloadsSelectedBy(service.namespace(), selector);
                out.passIf(!targets.isEmpty(), service, null, node,
                        "selects the pods of " + targets.stream().map(ManifestObject::describe).collect(Collectors.joining(", ")),
                        "selector " + selector + " matches the pods of no analysed workload");
            }
        }
    }

    private static String describe(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "(none)";
        }
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
    }
}
