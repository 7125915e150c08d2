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

/** Container security contexts. */
final class Security {

    private Security() {
    }

    static final class NonRoot implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.security.non-root",
                "Containers run as a non-root user", "Security",
                "Each container runs as a user other than root: runAsNonRoot: true or a runAsUser above 0, in the "
                        + "container's securityContext or the pod's (the container's setting wins). A process "
                        + "running as root that escapes its container is root on the node.",
                "Set securityContext.runAsNonRoot: true (and a runAsUser above 0 when the image does not name a "
                        + "numeric non-root USER) in the pod spec or each container.",
                REQUIRED, REQUIRED, RECOMMENDED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            for (ManifestObject w : manifests.workloads()) {
                YamlNode pod = w.podSpec().get("securityContext");
                for (Container c : w.allContainers()) {
                    YamlNode own = c.securityContext();
                    YamlNode userNode = own.get("runAsUser").exists() ? own.get("runAsUser") : pod.get("runAsUser");
                    YamlNode nonRootNode = own.get("runAsNonRoot").exists() ? own.get("runAsNonRoot") : pod.get("runAsNonRoot");
                    Integer user = userNode.integer();
                    Boolean nonRoot = nonRootNode.bool();
                    if (user != null && user == 0) {
                        out.fail(w, c, userNode, c.describe() + " runs as user 0 (root)");
                    } else if (user != null && user > 0) {
                        out.pass(w, c, userNode, c.describe() + " runs as user " + user);
                    } else if (Boolean.TRUE.equals(nonRoot)) {
                        out.pass(w, c, nonRootNode, c.describe() + " must run as non-root");
                    } else {
                        out.fail(w, c, c.node(), c.describe() + " may run as root: neither runAsNonRoot: true nor a runAsUser above 0 is set");
                    }
                }
            }
        }
    }

    static final class NoPrivilegeEscalation implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.security.no-privilege-escalation",
                "Containers cannot gain privileges", "Security",
                "Each container sets allowPrivilegeEscalation: false and is not privileged. Otherwise a process "
                        + "can gain more privileges than its parent (through setuid binaries, for example), and a "
                        + "privileged container has nearly every power of the node itself.",
                "Set securityContext.allowPrivilegeEscalation: false on every container and remove "
                        + "privileged: true; grant single capabilities instead, if one is really needed.",
                REQUIRED, RECOMMENDED, RECOMMENDED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            for (ManifestObject w : manifests.workloads()) {
                for (Container c : w.allContainers()) {
                    YamlNode context = c.securityContext();
                    YamlNode privileged = context.get("privileged");
                    YamlNode escalation = context.get("allowPrivilegeEscalation");
                    if (Boolean.TRUE.equals(privileged.bool())) {
                        out.fail(w, c, privileged, c.describe() + " is privileged");
                    } else if (Boolean.FALSE.equals(escalation.bool())) {
                        out.pass(w, c, escalation, c.describe() + " cannot escalate privileges");
                    } else {
                        out.fail(w, c, escalation.exists() ? escalation : c.node(), c.describe()
                                + (escalation.exists() ? " allows privilege escalation" : " does not set allowPrivilegeEscalation: false"));
                    }
                }
            }
        }
    }
}
