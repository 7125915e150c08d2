package dev.tandem.checks.manifest;

import dev.tandem.checks.Exemptions;
import dev.tandem.checks.Location;
import dev.tandem.checks.ObjectRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Kubernetes object read from a manifest: its identity, where it was written, and its YAML. Built-in kinds
 * are recognised by API group as well as kind, so a custom resource that happens to be called {@code Service}
 * (Knative's, say) is not mistaken for the core one.
 */
public final class ManifestObject {

    /** Annotation listing the check ids ({@code a,b} or {@code *}) waived for this object. */
    public static final String IGNORE_ANNOTATION = "tandem.dev/ignore";
    /** Annotation giving the reason for {@link #IGNORE_ANNOTATION}. */
    public static final String IGNORE_REASON_ANNOTATION = "tandem.dev/ignore-reason";

    private final String apiVersion;
    private final String kind;
    private final String name;
    private final String namespace;
    private final String file;
    private final String helmSource;
    private final YamlNode root;
    private final WorkloadKind workloadKind;
    private YamlNode spec;
    private YamlNode podTemplate;
    private YamlNode podSpec;
    private Map<String, String> labels;
    private Map<String, String> annotations;
    private Map<String, String> podLabels;
    private List<Container> containers;

    public ManifestObject(String file, String helmSource, YamlNode root) {
        this.file = file;
        this.helmSource = helmSource;
        this.root = root;
        this.apiVersion = root.get("apiVersion").text("");
        this.kind = root.get("kind").text("");
        YamlNode metadata = root.get("metadata");
        String n = metadata.get("name").text();
        this.name = n == null ? metadata.get("generateName").text("(unnamed)") : n;
        this.namespace = metadata.get("namespace").text();
        this.workloadKind = WorkloadKind.of(group(), kind);
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** The API group: {@code apps} for {@code apps/v1}, the empty string for the core group ({@code v1}). */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** The namespace as written, or {@code null}: objects without one are taken to share the namespace they are applied to. */
    public String namespace() {
        return namespace;
    }

    /** True when both objects are in the same namespace (both naming none counts as the same). */
    public boolean sameNamespace(ManifestObject other) {
        return namespace == null ? other.namespace == null : namespace.equals(other.namespace);
    }

    /** True for the built-in kind {@code kind} of API group {@code group} ({@code ""} for core). */
    public boolean is(String group, String kind) {
        return this.kind.equals(kind) && group().equals(group);
    }

    public String file() {
        return file;
    }

    /** For {@code helm template} output: the chart template the object came from (its {@code # Source:} comment). */
    public Optional<String> helmSource() {
        return Optional.ofNullable(helmSource);
    }

    public YamlNode root() {
        return root;
    }

    public YamlNode spec() {
        if (spec == null) {
            spec = root.get("spec");
        }
        return spec;
    }

    public int line() {
        return root.line();
    }

    public Map<String, String> labels() {
        if (labels == null) {
            labels = root.path("metadata", "labels").stringMap();
        }
        return labels;
    }

    public Map<String, String> annotations() {
        if (annotations == null) {
            annotations = root.path("metadata", "annotations").stringMap();
        }
        return annotations;
    }

    public ObjectRef ref() {
        return new ObjectRef(kind, namespace, name, null);
    }

    public ObjectRef ref(Container container) {
        return new ObjectRef(kind, namespace, name, container == null ? null : container.name());
    }

    public Location location() {
        return new Location(file, line());
    }

    public Location location(YamlNode at) {
        return new Location(file, at == null ? line() : at.line());
    }

    /**
     * The reason the object's annotations give for waiving {@code checkId}, if {@code tandem.dev/ignore} lists it
     * (or {@code *}); "no reason given" when {@code tandem.dev/ignore-reason} is absent or blank.
     */
    public Optional<String> exemption(String checkId) {
        String ignore = annotations().get(IGNORE_ANNOTATION);
        if (ignore == null) {
            return Optional.empty();
        }
        boolean listed = Arrays.stream(ignore.split("[,\\s]+")).anyMatch(id -> id.equals("*") || id.equals(checkId));
        if (!listed) {
            return Optional.empty();
        }
        String reason = annotations().get(IGNORE_REASON_ANNOTATION);
        return Optional.of(reason == null || reason.isBlank() ? Exemptions.NO_REASON : reason.strip());
    }

    // --- workloads: objects that carry a pod template ---

    /** What kind of workload this is; {@link WorkloadKind#NONE} for objects without a pod template. */
    public WorkloadKind workloadKind() {
        return workloadKind;
    }

    public boolean isWorkload() {
        return workloadKind != WorkloadKind.NONE;
    }

    /** Deployments, StatefulSets and DaemonSets: pods meant to keep running (not Jobs, CronJobs or bare Pods). */
    public boolean isLongRunning() {
        return workloadKind.longRunning();
    }

    /** The pod template ({@code metadata} + {@code spec}); for a Pod, the object itself. Missing for non-workloads. */
    public YamlNode podTemplate() {
        if (podTemplate == null) {
            switch (workloadKind) {
                case NONE:
                    podTemplate = YamlNode.missing(line());
                    break;
                case POD:
                    podTemplate = root;
                    break;
                case CRON_JOB:
                    podTemplate = spec().path("jobTemplate", "spec", "template");
                    break;
                default:
                    podTemplate = spec().get("template");
            }
        }
        return podTemplate;
    }

    public YamlNode podSpec() {
        if (podSpec == null) {
            podSpec = podTemplate().get("spec");
        }
        return podSpec;
    }

    /** The labels the pods get (the template's labels). */
    public Map<String, String> podLabels() {
        if (podLabels == null) {
            podLabels = podTemplate().path("metadata", "labels").stringMap();
        }
        return podLabels;
    }

    /** Init containers first, then the containers, as written. */
    public List<Container> allContainers() {
        if (containers == null) {
            List<Container> list = new ArrayList<>();
            YamlNode spec = podSpec();
            addContainers(spec.get("initContainers"), true, list);
            addContainers(spec.get("containers"), false, list);
            containers = List.copyOf(list);
        }
        return containers;
    }

    /** The regular containers (not init containers). */
    public List<Container> containers() {
        return allContainers().stream().filter(c -> !c.init()).toList();
    }

    private static void addContainers(YamlNode list, boolean init, List<Container> out) {
        int i = 0;
        for (YamlNode c : list.items()) {
            out.add(new Container(c.get("name").text("#" + i), init, c));
            i++;
        }
    }

    /** {@code spec.replicas} as written, or {@code null} when the workload leaves it to the default (1) or an HPA. */
    public Integer replicas() {
        return workloadKind.hasReplicas() ? spec().get("replicas").integer() : null;
    }

    /** {@code Deployment shop/web}, for messages. */
    public String describe() {
        return ref().toString();
    }

    @Override
    public String toString() {
        return describe() + " at " + location();
    }
}
