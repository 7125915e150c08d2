package dev.tandem.checks.manifest.rules;

import dev.tandem.checks.ManifestCheck;

import java.util.List;

/** The built-in Kubernetes manifest checks, in report order. */
public final class ManifestChecks {

    private static final List<ManifestCheck> BUILT_IN = List.of(
            new Resources.Requests(),
            new Resources.Limits(),
            new Resources.MemoryRequestEqualsLimit(),
            new Probes.Readiness(),
            new Probes.Liveness(),
            new Probes.Distinct(),
            new Disruption.PdbPresent(),
            new Disruption.PdbAllowsDisruption(),
            new Replicas.Minimum(),
            new Replicas.HpaNoFixedReplicas(),
            new Replicas.HpaTargetExists(),
            new Placement.Spread(),
            new Rollout.ImagePinned(),
            new Security.NonRoot(),
            new Security.NoPrivilegeEscalation(),
            new Placement.GracefulTermination(),
            new Rollout.RollingUpdate(),
            new Wiring.SelectorMatches(),
            new Wiring.ServiceTargetsPods());

    private ManifestChecks() {
    }

    /** One instance of each built-in check; they are stateless and may be shared. */
    public static List<ManifestCheck> builtIn() {
        return BUILT_IN;
    }
}
