package dev.tandem.checks.manifest;

/**
 * One container of a pod template.
 *
 * @param init true for an init container (which has no probes and runs to completion)
 */
public record Container(String name, boolean init, YamlNode node) {

    public String image() {
        return node.get("image").text();
    }

    public YamlNode resources() {
        return node.get("resources");
    }

    public YamlNode securityContext() {
        return node.get("securityContext");
    }

    public YamlNode readinessProbe() {
        return node.get("readinessProbe");
    }

    public YamlNode livenessProbe() {
        return node.get("livenessProbe");
    }

    public int line() {
        return node.line();
    }

    /** {@code container "app"} or {@code init container "migrate"}, for messages. */
    public String describe() {
        return (init ? "init container \"" : "container \"") + name + "\"";
    }
}
