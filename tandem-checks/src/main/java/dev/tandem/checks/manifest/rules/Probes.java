package dev.tandem.checks.manifest.rules;

import dev.tandem.checks.CheckDefinition;
import dev.tandem.checks.Findings;
import dev.tandem.checks.ManifestCheck;
import dev.tandem.checks.manifest.Container;
import dev.tandem.checks.manifest.ManifestObject;
import dev.tandem.checks.manifest.ManifestSet;
import dev.tandem.checks.manifest.YamlNode;

import java.util.function.Function;

import static dev.tandem.checks.Requirement.RECOMMENDED;
import static dev.tandem.checks.Requirement.REQUIRED;

/** The health probe checks, on the containers of long-running workloads (Deployments, StatefulSets, DaemonSets). */
final class Probes {

    /** The probe handlers Kubernetes knows; a probe has exactly one. */
    private static final String[] HANDLERS = {"httpGet", "tcpSocket", "grpc", "exec"};

    private Probes() {
    }

    private static void eachContainer(ManifestSet manifests, Findings out, String probe, Function<Container, YamlNode> get) {
        for (ManifestObject w : manifests.workloads()) {
            if (!w.isLongRunning()) {
                continue;
            }
            for (Container c : w.containers()) {
                YamlNode node = get.apply(c);
                out.passIf(node.exists(), w, c, node.exists() ? node : c.node(),
                        c.describe() + " has a " + probe + " probe",
                        c.describe() + " has no " + probe + " probe");
            }
        }
    }

    static final class Readiness implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.probes.readiness",
                "Long-running containers have a readiness probe", "Health probes",
                "Each container of a Deployment, StatefulSet or DaemonSet tells Kubernetes when it can take traffic. "
                        + "Without a readiness probe a pod receives requests as soon as its process starts, before it "
                        + "has warmed up or connected to what it depends on, and keeps receiving them while it is overloaded.",
                "Add a readinessProbe (usually an httpGet on a readiness endpoint) that succeeds only when the "
                        + "container can serve requests.",
                REQUIRED, REQUIRED, REQUIRED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            eachContainer(manifests, out, "readiness", Container::readinessProbe);
        }
    }

    static final class Liveness implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.probes.liveness",
                "Long-running containers have a liveness probe", "Health probes",
                "Each container of a Deployment, StatefulSet or DaemonSet tells Kubernetes whether it is still "
                        + "working. A process that hangs (a deadlock, an exhausted pool) without exiting is otherwise "
                        + "never restarted.",
                "Add a livenessProbe that checks only the container itself (not its dependencies), with a failure "
                        + "threshold generous enough to ride out pauses such as garbage collection.",
                REQUIRED, REQUIRED, RECOMMENDED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            eachContainer(manifests, out, "liveness", Container::livenessProbe);
        }
    }

    static final class Distinct implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.probes.distinct",
                "Readiness and liveness probes check different things", "Health probes",
                "A container with both probes does not run the same check for both (the same handler: the same "
                        + "HTTP path and port, TCP port, gRPC service or command). Readiness should fail when the "
                        + "container cannot serve, for instance because a dependency is down; liveness should fail "
                        + "only when the container itself is broken. With one check for both, a slow dependency gets "
                        + "every pod restarted at once, turning a partial outage into a full one.",
                "Point the liveness probe at a check of the process alone (for Spring Boot, "
                        + "/actuator/health/liveness) and the readiness probe at one that includes what the container "
                        + "needs to serve (/actuator/health/readiness).",
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
                for (Container c : w.containers()) {
                    YamlNode readiness = c.readinessProbe();
                    YamlNode liveness = c.livenessProbe();
                    if (!readiness.exists() || !liveness.exists()) {
                        continue;
                    }
                    String handler = sameHandler(readiness, liveness);
                    out.passIf(handler == null, w, c, liveness,
                            c.describe() + " has distinct readiness and liveness probes",
                            c.describe() + " runs the same check for readiness and liveness (" + handler + ")");
                }
            }
        }

        /** The shared handler, described, or {@code null} when the probes' handlers differ. */
        private static String sameHandler(YamlNode readiness, YamlNode liveness) {
            for (String name : HANDLERS) {
                YamlNode a = readiness.get(name);
                YamlNode b = liveness.get(name);
                if (a.exists() && b.exists() && a.canonical().equals(b.canonical())) {
                    return describe(name, a);
                }
            }
            return null;
        }

        private static String describe(String handler, YamlNode node) {
            switch (handler) {
                case "httpGet":
                    return "httpGet " + node.get("path").text("/") + " on port " + node.get("port").text("?");
                case "tcpSocket":
                    return "tcpSocket on port " + node.get("port").text("?");
                case "grpc":
                    return "grpc on port " + node.get("port").text("?");
                default:
                    return "the same exec command";
            }
        }
    }
}
