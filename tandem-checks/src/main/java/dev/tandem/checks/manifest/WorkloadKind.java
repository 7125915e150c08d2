package dev.tandem.checks.manifest;

/** The built-in kinds that carry a pod template, recognised by API group and kind. */
public enum WorkloadKind {
    DEPLOYMENT(true, true),
    STATEFUL_SET(true, true),
    DAEMON_SET(true, false),
    REPLICA_SET(false, true),
    REPLICATION_CONTROLLER(false, true),
    JOB(false, false),
    CRON_JOB(false, false),
    POD(false, false),
    NONE(false, false);

    private final boolean longRunning;
    private final boolean replicas;

    WorkloadKind(boolean longRunning, boolean replicas) {
        this.longRunning = longRunning;
        this.replicas = replicas;
    }

    /** Deployments, StatefulSets and DaemonSets. */
    public boolean longRunning() {
        return longRunning;
    }

    /** Kinds with a {@code spec.replicas} field. */
    public boolean hasReplicas() {
        return replicas;
    }

    static WorkloadKind of(String group, String kind) {
        switch (group) {
            case "apps":
            case "extensions":
                switch (kind) {
                    case "Deployment": return DEPLOYMENT;
                    case "StatefulSet": return STATEFUL_SET;
                    case "DaemonSet": return DAEMON_SET;
                    case "ReplicaSet": return REPLICA_SET;
                    default: return NONE;
                }
            case "batch":
                return kind.equals("Job") ? JOB : kind.equals("CronJob") ? CRON_JOB : NONE;
            case "":
                return kind.equals("Pod") ? POD : kind.equals("ReplicationController") ? REPLICATION_CONTROLLER : NONE;
            default:
                return NONE;
        }
    }
}
