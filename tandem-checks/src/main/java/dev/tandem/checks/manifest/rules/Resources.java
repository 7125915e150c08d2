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

/** The resource checks: requests, a memory limit, and memory request equal to the limit. */
final class Resources {

    private Resources() {
    }

    static final class Requests implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.resources.requests",
                "Every container requests CPU and memory", "Resources",
                "Each container, init containers included, states how much CPU and memory it needs. The scheduler "
                        + "places pods by their requests: without them a node can be packed beyond what it can serve, "
                        + "and the pod is among the first evicted when the node runs short.",
                "Set resources.requests.cpu and resources.requests.memory on every container, from what the "
                        + "container uses under normal load (its usage dashboards, or a load test).",
                REQUIRED, REQUIRED, REQUIRED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            for (ManifestObject w : manifests.workloads()) {
                for (Container c : w.allContainers()) {
                    YamlNode requests = c.resources().get("requests");
                    boolean cpu = requests.get("cpu").exists();
                    boolean memory = requests.get("memory").exists();
                    if (cpu && memory) {
                        out.pass(w, c, requests, c.describe() + " requests CPU and memory");
                    } else {
                        String missing = !cpu && !memory ? "CPU and memory requests" : !cpu ? "CPU request" : "memory request";
                        out.fail(w, c, c.node(), c.describe() + " sets no " + missing);
                    }
                }
            }
        }
    }

    static final class Limits implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.resources.limits",
                "Every container has a memory limit", "Resources",
                "Each container, init containers included, has a memory limit. A container without one can take "
                        + "memory from its neighbours until the node runs out and the kernel kills processes it picks "
                        + "itself. A CPU limit is not asked for: CPU is shared by throttling, not by killing.",
                "Set resources.limits.memory on every container, with headroom above the peak the container "
                        + "reaches under load.",
                REQUIRED, REQUIRED, RECOMMENDED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            for (ManifestObject w : manifests.workloads()) {
                for (Container c : w.allContainers()) {
                    YamlNode limit = c.resources().path("limits", "memory");
                    out.passIf(limit.exists(), w, c, limit.exists() ? limit : c.node(),
                            c.describe() + " has a memory limit of " + limit.text(),
                            c.describe() + " sets no memory limit");
                }
            }
        }
    }

    static final class MemoryRequestEqualsLimit implements ManifestCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("k8s.resources.memory-request-equals-limit",
                "Memory requests equal memory limits", "Resources",
                "Each container requests exactly the memory its limit allows. Memory cannot be throttled: a "
                        + "container that uses more than it requested is the first to be evicted or killed when the "
                        + "node runs short, so the gap between request and limit is memory the service cannot count on. "
                        + "A limit without a request passes, as Kubernetes then sets the request to the limit.",
                "Set resources.requests.memory to the same value as resources.limits.memory (or leave the request "
                        + "out, and Kubernetes copies the limit).",
                REQUIRED, RECOMMENDED, RECOMMENDED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(ManifestSet manifests, Findings out) {
            for (ManifestObject w : manifests.workloads()) {
                for (Container c : w.allContainers()) {
                    YamlNode resources = c.resources();
                    String request = resources.path("requests", "memory").text();
                    YamlNode limitNode = resources.path("limits", "memory");
                    String limit = limitNode.text();
                    if (limit == null) {
                        out.fail(w, c, c.node(), c.describe() + " sets no memory limit, so its memory request cannot equal it");
                    } else if (request == null || Quantity.same(request, limit)) {
                        out.pass(w, c, limitNode, c.describe() + " requests the memory it is limited to (" + limit + ")");
                    } else {
                        out.fail(w, c, limitNode, c.describe() + " requests " + request + " of memory but is limited to " + limit);
                    }
                }
            }
        }
    }
}
