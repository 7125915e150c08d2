package dev.tandem.checks;

import dev.tandem.checks.manifest.Container;
import dev.tandem.checks.manifest.ManifestObject;
import dev.tandem.checks.manifest.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where one check writes its findings. A failure that an exemption covers is recorded as {@link Outcome#EXEMPT}
 * with the exemption's reason: first the object's own {@code tandem.dev/ignore} annotation, then the exemptions
 * the caller passed in.
 */
public final class Findings {

    private final String checkId;
    private final Exemptions exemptions;
    private final List<Finding> list = new ArrayList<>();

    public Findings(String checkId, Exemptions exemptions) {
        this.checkId = checkId;
        this.exemptions = exemptions;
    }

    public String checkId() {
        return checkId;
    }

    public void pass(ObjectRef object, Location location, String message) {
        list.add(new Finding(checkId, Outcome.PASS, object, location, message, null));
    }

    public void fail(ObjectRef object, Location location, String message) {
        Optional<String> reason = exemptions.reasonFor(checkId, object);
        list.add(new Finding(checkId, reason.isPresent() ? Outcome.EXEMPT : Outcome.FAIL, object, location, message,
                reason.orElse(null)));
    }

    /** A passing finding on a Kubernetes object (or one of its containers, when not {@code null}), pointing at {@code at}. */
    public void pass(ManifestObject object, Container container, YamlNode at, String message) {
        pass(object.ref(container), object.location(at), withSource(object, message));
    }

    /** A failing finding on a Kubernetes object (or one of its containers, when not {@code null}), pointing at {@code at}. */
    public void fail(ManifestObject object, Container container, YamlNode at, String message) {
        ObjectRef ref = object.ref(container);
        Optional<String> reason = object.exemption(checkId);
        if (reason.isEmpty()) {
            reason = exemptions.reasonFor(checkId, ref);
        }
        list.add(new Finding(checkId, reason.isPresent() ? Outcome.EXEMPT : Outcome.FAIL, ref, object.location(at),
                withSource(object, message), reason.orElse(null)));
    }

    public void passIf(boolean passes, ManifestObject object, Container container, YamlNode at, String passMessage,
                       String failMessage) {
        if (passes) {
            pass(object, container, at, passMessage);
        } else {
            fail(object, container, at, failMessage);
        }
    }

    private static String withSource(ManifestObject object, String message) {
        return object.helmSource().map(t -> message + " [template " + t + "]").orElse(message);
    }

    public List<Finding> list() {
        return list;
    }
}
