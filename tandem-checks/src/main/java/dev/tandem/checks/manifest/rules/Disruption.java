package dev.tandem.checks.manifest.rules;

import dev.tandem.checks.CheckDefinition;
import dev.tandem.checks.Findings;
import dev.tandem.checks.ManifestCheck;
import dev.tandem.checks.manifest.ManifestObject;
import dev.tandem.checks.manifest.ManifestSet;
import dev.tandem.checks.manifest.WorkloadKind;
import dev.tandem.checks.manifest.YamlNode;

import java.util.List;
import java.util.stream.Collectors;

import static dev.tandem.checks.Requirement.RECOMMENDED;
import static dev.tandem.checks.Requirement.REQUIRED;

/** PodDisruptionBudgets: present for each replicated workload, and not blocking every voluntary disruption. */
final class Disruption {

    private Disruption() {
    }

    static boolean replicated(ManifestObject o) {
        return o.workloadKind() == WorkloadKind.DEPLOYMENT || o.workloadKind() == WorkloadKind.STATEFUL_SET;
    }

    static final class PdbPresent implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.pdb.present",
                "A PodDisruptionBudget covers each Deployment and StatefulSet", "Availability",
                "Some PodDisruptionBudget in the same namespace selects the pods of each Deployment and "
                        + "StatefulSet. Node drains, cluster upgrades and autoscaler scale-downs evict pods; without a "
                        + "budget they may evict every replica of a service at once.",
                "Add a PodDisruptionBudget (policy/v1) whose selector matches the workload's pod labels, with "
                        + "maxUnavailable: 1 or a minAvailable below the replica count.",
                REQUIRED, RECOMMENDED, RECOMMENDED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            for (ManifestObject w : manifests.workloads()) {
                if (!replicated(w)) {
                    continue;
                }
                List<ManifestObject> pdbs = manifests.pdbsSelecting(w);
                out.passIf(!pdbs.isEmpty(), w, null, w.root(),
                        "selected by PodDisruptionBudget " + pdbs.stream().map(ManifestObject::name).collect(Collectors.joining(", ")),
                        "no PodDisruptionBudget selects the pods of " + w.describe());
            }
        }
    }

    static final class PdbAllowsDisruption implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.pdb.allows-disruption",
                "PodDisruptionBudgets allow some disruption", "Availability",
                "A PodDisruptionBudget leaves room to evict at least one pod: not maxUnavailable 0 (or 0%), not "
                        + "minAvailable 100%, and not a minAvailable equal to or above the replicas of the workload it "
                        + "selects. A budget that allows no eviction blocks node drains and cluster upgrades until "
                        + "someone deletes it by hand.",
                "Use maxUnavailable: 1 (or a percentage above 0), or a minAvailable below the workload's lowest "
                        + "replica count.",
                REQUIRED, RECOMMENDED, RECOMMENDED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            for (ManifestObject pdb : manifests.podDisruptionBudgets()) {
                YamlNode spec = pdb.spec();
                YamlNode maxUnavailable = spec.get("maxUnavailable");
                YamlNode minAvailable = spec.get("minAvailable");
                if (maxUnavailable.exists()) {
                    String value = maxUnavailable.text("");
                    out.passIf(!isZero(value), pdb, null, maxUnavailable,
                            "maxUnavailable " + value + " lets pods be evicted",
                            "maxUnavailable " + value + " blocks every voluntary eviction");
                } else if (minAvailable.exists()) {
                    checkMinAvailable(manifests, pdb, minAvailable, out);
                } else {
                    out.pass(pdb, null, spec, "sets neither minAvailable nor maxUnavailable, so it allows evictions");
                }
            }
        }

        private static void checkMinAvailable(ManifestSet manifests, ManifestObject pdb, YamlNode minAvailable, Findings out) {
            String value = minAvailable.text("");
            if (value.endsWith("%")) {
                Integer percent = percent(value);
                out.passIf(percent == null || percent < 100, pdb, null, minAvailable,
                        "minAvailable " + value + " lets pods be evicted",
                        "minAvailable " + value + " blocks every voluntary eviction");
                return;
            }
            Integer min = minAvailable.integer();
            if (min == null) {
                out.pass(pdb, null, minAvailable, "minAvailable " + value + " is not a number Tandem can compare");
                return;
            }
            for (ManifestObject w : manifests.workloadsSelectedByPdb(pdb)) {
                if (!w.workloadKind().hasReplicas()) {
                    continue;
                }
                int replicas = manifests.minimumReplicas(w);
                if (min >= replicas) {
                    out.fail(pdb, null, minAvailable, "minAvailable " + min + " leaves no pod of " + w.describe()
                            + " (at least " + replicas + (replicas == 1 ? " replica" : " replicas") + ") to evict");
                    return;
                }
            }
            out.pass(pdb, null, minAvailable, "minAvailable " + min + " is below the replicas of what it selects");
        }

        private static boolean isZero(String value) {
            String v = value.strip();
            if (v.endsWith("%")) {
                Integer p = percent(v);
                return p != null && p == 0;
            }
            return v.equals("0");
        }

        private static Integer percent(String value) {
            try {
                return Integer.valueOf(value.substring(0, value.length() - 1).strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
