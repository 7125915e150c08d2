package dev.tandem.bench;

import java.util.Random;

/**
 * Deterministic Kubernetes YAML for the manifest-analysis benchmark: per service a Deployment, a Service, a
 * PodDisruptionBudget, a HorizontalPodAutoscaler and a ConfigMap, in namespaces of 50 services. Roughly one
 * service in four has a defect some check reports (a latest image, a missing probe, a PDB that blocks
 * eviction, fixed replicas under its HPA), so the analysis writes failures as well as passes.
 */
public final class KubernetesManifests {

    private KubernetesManifests() {
    }

    /** YAML text with {@code objects} objects (rounded down to whole services of five objects each). */
    public static String generate(int objects, long seed) {
        Random random = new Random(seed);
        StringBuilder yaml = new StringBuilder(objects * 700);
        int services = Math.max(1, objects / 5);
        for (int i = 0; i < services; i++) {
            service(yaml, i, random);
        }
        return yaml.toString();
    }

    private static void service(StringBuilder y, int i, Random random) {
        String name = "svc-" + i;
        String ns = "team-" + (i / 50);
        boolean latest = random.nextInt(16) == 0;
        boolean noLiveness = random.nextInt(16) == 0;
        boolean fixedReplicas = random.nextInt(16) == 0;
        boolean blockingPdb = random.nextInt(16) == 0;
        int memory = 256 << random.nextInt(3);
        y.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ").append(name)
                .append("\n  namespace: ").append(ns)
                .append("\n  labels:\n    app.kubernetes.io/name: ").append(name)
                .append("\n    app.kubernetes.io/part-of: shop\n  annotations:\n    deployment.kubernetes.io/revision: \"")
                .append(1 + random.nextInt(40)).append("\"\nspec:\n");
        if (fixedReplicas) {
            y.append("  replicas: 3\n");
        }
        y.append("  selector:\n    matchLabels:\n      app.kubernetes.io/name: ").append(name)
                .append("\n  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 0\n      maxSurge: 1\n")
                .append("  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: ").append(name)
                .append("\n        app.kubernetes.io/part-of: shop\n    spec:\n      terminationGracePeriodSeconds: 30\n")
                .append("      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n")
                .append("      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n")
                .append("          whenUnsatisfiable: ScheduleAnyway\n          labelSelector:\n            matchLabels:\n")
                .append("              app.kubernetes.io/name: ").append(name).append('\n')
                .append("      containers:\n        - name: app\n          image: registry.example.com/shop/").append(name)
                .append(latest ? ":latest" : ":1." + random.nextInt(30) + "." + random.nextInt(10)).append('\n')
                .append("          ports:\n            - containerPort: 8080\n")
                .append("          envFrom:\n            - configMapRef:\n                name: ").append(name).append('\n')
                .append("          resources:\n            requests:\n              cpu: ").append(100 + 50 * random.nextInt(8))
                .append("m\n              memory: ").append(memory).append("Mi\n            limits:\n              memory: ")
                .append(memory).append("Mi\n")
                .append("          readinessProbe:\n            httpGet:\n              path: /health/ready\n              port: 8080\n")
                .append("            periodSeconds: 5\n");
        if (!noLiveness) {
            y.append("          livenessProbe:\n            httpGet:\n              path: /health/live\n              port: 8080\n")
                    .append("            periodSeconds: 10\n");
        }
        y.append("          lifecycle:\n            preStop:\n              exec:\n                command: [\"sleep\", \"5\"]\n")
                .append("          securityContext:\n            allowPrivilegeEscalation: false\n            readOnlyRootFilesystem: true\n");

        y.append("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ").append(name).append("\n  namespace: ").append(ns)
                .append("\nspec:\n  selector:\n    app.kubernetes.io/name: ").append(name)
                .append("\n  ports:\n    - name: http\n      port: 80\n      targetPort: 8080\n");

        y.append("---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ").append(name)
                .append("\n  namespace: ").append(ns).append("\nspec:\n")
                .append(blockingPdb ? "  maxUnavailable: 0\n" : "  maxUnavailable: 1\n")
                .append("  selector:\n    matchLabels:\n      app.kubernetes.io/name: ").append(name).append('\n');

        y.append("---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ").append(name)
                .append("\n  namespace: ").append(ns).append("\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n")
                .append("    kind: Deployment\n    name: ").append(name).append("\n  minReplicas: ").append(2 + random.nextInt(2))
                .append("\n  maxReplicas: ").append(6 + random.nextInt(10))
                .append("\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n")
                .append("          type: Utilization\n          averageUtilization: 70\n");

        y.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ").append(name).append("\n  namespace: ").append(ns)
                .append("\ndata:\n  LOG_LEVEL: info\n  FEATURE_FLAGS: \"checkout,search\"\n  UPSTREAM_URL: http://svc-")
                .append(Math.max(0, i - 1)).append(".").append(ns).append(".svc.cluster.local\n");
    }
}
