package dev.tandem.checks.manifest.rules;

import dev.tandem.checks.CheckDefinition;
import dev.tandem.checks.Findings;
import dev.tandem.checks.ManifestCheck;
import dev.tandem.checks.manifest.Container;
import dev.tandem.checks.manifest.ManifestObject;
import dev.tandem.checks.manifest.ManifestSet;
import dev.tandem.checks.manifest.YamlNode;

import static dev.tandem.checks.Requirement.RECOMMENDED;
import static dev.tandem.checks.Requirement.REQUIRED;

/** Where pods run and how they stop: spreading over nodes and zones, and graceful termination. */
final class Placement {

    private Placement() {
    }

    static final class Spread implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.spread",
                "Replicas are spread across nodes or zones", "Availability",
                "Each Deployment and StatefulSet asks the scheduler to keep its pods apart, with pod anti-affinity "
                        + "(required or preferred) or topology spread constraints. Otherwise all replicas may land on "
                        + "one node, and that node's failure or drain takes the whole service down.",
                "Add spec.template.spec.topologySpreadConstraints over kubernetes.io/hostname (and "
                        + "topology.kubernetes.io/zone), or a preferred podAntiAffinity on the pod's own labels.",
                REQUIRED, RECOMMENDED, RECOMMENDED);

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
                YamlNode spec = w.podSpec();
                YamlNode antiAffinity = spec.path("affinity", "podAntiAffinity");
                boolean affinity = !antiAffinity.get("requiredDuringSchedulingIgnoredDuringExecution").items().isEmpty()
                        || !antiAffinity.get("preferredDuringSchedulingIgnoredDuringExecution").items().isEmpty();
                YamlNode constraints = spec.get("topologySpreadConstraints");
                boolean spread = !constraints.items().isEmpty();
                out.passIf(affinity || spread, w, null, spread ? constraints : affinity ? antiAffinity : spec,
                        spread ? "has topology spread constraints" : "has pod anti-affinity",
                        "neither pod anti-affinity nor topology spread constraints keep its replicas apart");
            }
        }
    }

    static final class GracefulTermination implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.graceful-termination",
                "Pods shut down gracefully", "Availability",
                "Each Deployment, StatefulSet and DaemonSet either runs a preStop hook in a container or sets "
                        + "terminationGracePeriodSeconds explicitly (above 0). When a pod stops, endpoints and load "
                        + "balancers take a few seconds to stop sending it traffic; a pod that exits at once drops "
                        + "those requests. Writing the grace period down also shows someone decided how long the "
                        + "service needs to finish its work.",
                "Add a preStop hook that waits a few seconds (lifecycle.preStop.sleep, or an exec of sleep) so "
                        + "traffic drains first, and set terminationGracePeriodSeconds to cover the longest request "
                        + "or job the container must finish.",
                REQUIRED, RECOMMENDED, RECOMMENDED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            for (ManifestObject w : manifests.workloads()) {
                if (!w.isLongRunning()) {
                    continue;
                }
                YamlNode grace = w.podSpec().get("terminationGracePeriodSeconds");
                Integer seconds = grace.integer();
                if (seconds != null && seconds <= 0) {
                    out.fail(w, null, grace, "terminationGracePeriodSeconds " + seconds + " kills its pods without warning");
                    continue;
                }
                Container withHook = null;
                for (Container c : w.containers()) {
                    if (c.node().path("lifecycle", "preStop").exists()) {
                        withHook = c;
                        break;
                    }
                }
                if (withHook != null) {
                    out.pass(w, null, withHook.node().path("lifecycle", "preStop"), withHook.describe() + " has a preStop hook");
                } else if (seconds != null) {
                    out.pass(w, null, grace, "terminationGracePeriodSeconds is " + seconds);
                } else {
                    out.fail(w, null, w.podSpec(), "no container has a preStop hook and terminationGracePeriodSeconds is not set");
                }
            }
        }
    }
}
