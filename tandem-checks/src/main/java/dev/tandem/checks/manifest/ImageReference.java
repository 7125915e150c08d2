package dev.tandem.checks.manifest;

/** Reads the tag and digest of an image reference such as {@code registry:5000/team/app:1.2@sha256:…}. */
public final class ImageReference {

    private ImageReference() {
    }

    /** Why the reference is not pinned, or {@code null} when it names a digest or a tag other than latest. */
    public static String pinningProblem(String image) {
        if (image.contains("@")) {
            return image.substring(image.indexOf('@') + 1).contains(":") ? null : "the digest is malformed";
        }
        if (image.contains("${") || image.contains("{{")) {
            return "the image is an unrendered template (" + image + ")";
        }
        String tag = tag(image);
        if (tag == null || tag.isEmpty()) {
            return "no tag, which means latest";
        }
        if (tag.equals("latest")) {
            return "the latest tag moves with every push";
        }
        return null;
    }

    /** The tag: text after the last colon that follows the last slash (a colon before it is a registry port). */
    public static String tag(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : null;
    }
}
