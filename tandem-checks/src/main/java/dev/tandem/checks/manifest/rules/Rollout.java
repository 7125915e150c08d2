package dev.tandem.checks.manifest.rules;

import dev.tandem.checks.CheckDefinition;
import dev.tandem.checks.Findings;
import dev.tandem.checks.ManifestCheck;
import dev.tandem.checks.manifest.Container;
import dev.tandem.checks.manifest.ImageReference;
import dev.tandem.checks.manifest.ManifestObject;
import dev.tandem.checks.manifest.ManifestSet;
import dev.tandem.checks.manifest.WorkloadKind;
import dev.tandem.checks.manifest.YamlNode;

import static dev.tandem.checks.Requirement.RECOMMENDED;
import static dev.tandem.checks.Requirement.REQUIRED;

/** Change management: pinned images and rolling updates. */
final class Rollout {

    private Rollout() {
    }

    static final class ImagePinned implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.image.pinned",
                "Container images are pinned to a tag or digest", "Change management",
                "Each container's image names a tag other than latest, or a digest (@sha256:…). An image without "
                        + "a tag means latest, and latest changes under you: two pods of one Deployment may run "
                        + "different code, and rolling back to the previous manifest does not bring the previous code back.",
                "Reference a version tag (registry/app:1.4.2) or a digest (registry/app@sha256:…), and change it "
                        + "with each release.",
                REQUIRED, REQUIRED, REQUIRED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            for (ManifestObject w : manifests.workloads()) {
                for (Container c : w.allContainers()) {
                    YamlNode imageNode = c.node().get("image");
                    String image = imageNode.text();
                    if (image == null || image.isBlank()) {
                        out.fail(w, c, c.node(), c.describe() + " names no image");
                        continue;
                    }
                    String problem = ImageReference.pinningProblem(image.strip());
                    out.passIf(problem == null, w, c, imageNode,
                            c.describe() + " runs " + image, c.describe() + " runs " + image + ": " + problem);
                }
            }
        }
    }

    static final class RollingUpdate implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.rolling-update",
                "Updates roll out gradually", "Change management",
                "Deployments do not use the Recreate strategy, and StatefulSets and DaemonSets do not use "
                        + "OnDelete. Recreate stops every old pod before any new one starts, an outage on every "
                        + "release; OnDelete leaves pods on the old version until someone deletes them by hand.",
                "Use strategy.type: RollingUpdate (the default: remove the field) with maxUnavailable and "
                        + "maxSurge suited to the service; for StatefulSets and DaemonSets, updateStrategy.type: "
                        + "RollingUpdate.",
                REQUIRED, REQUIRED, RECOMMENDED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            for (ManifestObject w : manifests.workloads()) {
                WorkloadKind kind = w.workloadKind();
                String field;
                String bad;
                if (kind == WorkloadKind.DEPLOYMENT) {
                    field = "strategy";
                    bad = "Recreate";
                } else if (kind == WorkloadKind.STATEFUL_SET || kind == WorkloadKind.DAEMON_SET) {
                    field = "updateStrategy";
                    bad = "OnDelete";
                } else {
                    continue;
                }
                YamlNode type = w.spec().path(field, "type");
                String value = type.text("RollingUpdate");
                out.passIf(!value.equals(bad), w, null, type,
                        field + " is " + value,
                        field + " is " + bad + (bad.equals("Recreate")
                                ? ": every release stops all old pods before new ones start"
                                : ": pods keep the old version until deleted by hand"));
            }
        }
    }
}
