package dev.tandem.checks.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every Kubernetes object of one analysis, with the lookups checks need between objects: which HPAs scale a
 * workload, which PodDisruptionBudgets and Services select its pods. Lookups between objects go through indexes
 * keyed by namespace and label, so a large set costs about linear time rather than every object against every other.
 */
public final class ManifestSet {

    private final List<ManifestObject> objects;
    private final List<ManifestObject> workloads = new ArrayList<>();
    private final List<ManifestObject> hpas = new ArrayList<>();
    private final List<ManifestObject> pdbs = new ArrayList<>();
    private final List<ManifestObject> services = new ArrayList<>();
    private final Map<String, ManifestObject> byKey = new HashMap<>();
    private final Map<String, List<ManifestObject>> hpasByTarget = new HashMap<>();
    private final Map<String, List<ManifestObject>> workloadsByLabel = new HashMap<>();
    private final Map<String, List<ManifestObject>> workloadsByNamespace = new HashMap<>();
    private final Map<ManifestObject, LabelSelector> pdbSelectors = new IdentityHashMap<>();
    private final Map<ManifestObject, List<ManifestObject>> pdbsByWorkload = new IdentityHashMap<>();
    private final Map<ManifestObject, List<ManifestObject>> selectedByPdb = new IdentityHashMap<>();
    private boolean pdbsIndexed;

    public ManifestSet(List<ManifestObject> objects) {
        this.objects = List.copyOf(objects);
        for (ManifestObject o : this.objects) {
            byKey.putIfAbsent(key(o.kind(), o.namespace(), o.name()), o);
            if (o.isWorkload()) {
                workloads.add(o);
                workloadsByNamespace.computeIfAbsent(ns(o.namespace()), k -> new ArrayList<>()).add(o);
                for (Map.Entry<String, String> label : o.podLabels().entrySet()) {
                    workloadsByLabel.computeIfAbsent(labelKey(o.namespace(), label.getKey(), label.getValue()),
                            k -> new ArrayList<>()).add(o);
                }
            } else if (o.is("autoscaling", "HorizontalPodAutoscaler")) {
                hpas.add(o);
                YamlNode target = o.spec().get("scaleTargetRef");
                hpasByTarget.computeIfAbsent(key(target.get("kind").text(""), o.namespace(), target.get("name").text("")),
                        k -> new ArrayList<>()).add(o);
            } else if (o.is("policy", "PodDisruptionBudget")) {
                pdbs.add(o);
            } else if (o.is("", "Service")) {
                services.add(o);
            }
        }
    }

    private static String ns(String namespace) {
        return namespace == null ? "" : namespace;
    }

    private static String key(String kind, String namespace, String name) {
        return kind + '\u0000' + ns(namespace) + '\u0000' + name;
    }

    private static String labelKey(String namespace, String key, String value) {
        return ns(namespace) + '\u0000' + key + '\u0000' + value;
    }

    public List<ManifestObject> all() {
        return objects;
    }

    public int size() {
        return objects.size();
    }

    /** Objects carrying a pod template (Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, Pods, …). */
    public List<ManifestObject> workloads() {
        return workloads;
    }

    public List<ManifestObject> horizontalPodAutoscalers() {
        return hpas;
    }

    public List<ManifestObject> podDisruptionBudgets() {
        return pdbs;
    }

    /** Core {@code v1} Services. */
    public List<ManifestObject> services() {
        return services;
    }

    /** The object of that kind and name in that namespace ({@code null} for none), if analysed. */
    public Optional<ManifestObject> find(String kind, String namespace, String name) {
        return Optional.ofNullable(byKey.get(key(kind, namespace, name)));
    }

    /** The HorizontalPodAutoscalers whose {@code scaleTargetRef} names this workload. */
    public List<ManifestObject> autoscalersOf(ManifestObject workload) {
        return hpasByTarget.getOrDefault(key(workload.kind(), workload.namespace(), workload.name()), List.of());
    }

    /** The workloads in {@code namespace} whose pod template labels {@code selector} matches. */
    public List<ManifestObject> workloadsSelectedBy(String namespace, LabelSelector selector) {
        List<ManifestObject> candidates;
        if (selector.matchLabels().isEmpty()) {
            candidates = workloadsByNamespace.getOrDefault(ns(namespace), List.of());
        } else {
            Map.Entry<String, String> first = selector.matchLabels().entrySet().iterator().next();
            candidates = workloadsByLabel.getOrDefault(labelKey(namespace, first.getKey(), first.getValue()), List.of());
        }
        List<ManifestObject> selected = new ArrayList<>();
        for (ManifestObject w : candidates) {
            if (selector.matches(w.podLabels())) {
                selected.add(w);
            }
        }
        return selected;
    }

    /**
     * The selector of a PodDisruptionBudget, or {@code null} when it selects nothing: a missing selector, or an empty
     * one before {@code policy/v1} (which reads an empty selector as every pod in the namespace).
     */
    public LabelSelector pdbSelector(ManifestObject pdb) {
        return pdbSelectors.computeIfAbsent(pdb, p -> {
            YamlNode node = p.spec().get("selector");
            if (!node.exists()) {
                return null;
            }
            LabelSelector selector = LabelSelector.of(node);
            return selector.isEmpty() && !p.apiVersion().equals("policy/v1") ? null : selector;
        });
    }

    /** The workloads whose pods a PodDisruptionBudget selects. */
    public List<ManifestObject> workloadsSelectedByPdb(ManifestObject pdb) {
        return selectedByPdb.computeIfAbsent(pdb, p -> {
            LabelSelector selector = pdbSelector(p);
            return selector == null ? List.of() : workloadsSelectedBy(p.namespace(), selector);
        });
    }

    /** The PodDisruptionBudgets that select this workload's pods. */
    public List<ManifestObject> pdbsSelecting(ManifestObject workload) {
        if (!pdbsIndexed) {
            pdbsIndexed = true;
            for (ManifestObject pdb : pdbs) {
                for (ManifestObject w : workloadsSelectedByPdb(pdb)) {
                    pdbsByWorkload.computeIfAbsent(w, k -> new ArrayList<>()).add(pdb);
                }
            }
        }
        return pdbsByWorkload.getOrDefault(workload, List.of());
    }

    /**
     * The fewest replicas a workload runs with: under HorizontalPodAutoscalers, the lowest of their
     * {@code minReplicas} (default 1), since the autoscaler overrides {@code spec.replicas}; otherwise
     * {@code spec.replicas}, or Kubernetes' default of 1.
     */
    public int minimumReplicas(ManifestObject workload) {
        List<ManifestObject> autoscalers = autoscalersOf(workload);
        if (autoscalers.isEmpty()) {
            Integer replicas = workload.replicas();
            return replicas == null ? 1 : replicas;
        }
        int min = Integer.MAX_VALUE;
        for (ManifestObject hpa : autoscalers) {
            Integer m = hpa.spec().get("minReplicas").integer();
            min = Math.min(min, m == null ? 1 : m);
        }
        return min;
    }

    /** Distinct kinds in the set, for diagnostics. */
    public Set<String> kinds() {
        Set<String> kinds = new LinkedHashSet<>();
        objects.forEach(o -> kinds.add(o.kind()));
        return kinds;
    }
}
