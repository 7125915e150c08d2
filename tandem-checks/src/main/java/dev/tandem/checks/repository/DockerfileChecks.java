package dev.tandem.checks.repository;

import dev.tandem.checks.CheckDefinition;
import dev.tandem.checks.Findings;
import dev.tandem.checks.ObjectRef;
import dev.tandem.checks.RepositoryCheck;
import dev.tandem.checks.manifest.ImageReference;

import java.util.List;
import java.util.Locale;

import static dev.tandem.checks.Requirement.NOT_APPLICABLE;
import static dev.tandem.checks.Requirement.RECOMMENDED;
import static dev.tandem.checks.Requirement.REQUIRED;

/** Checks on the repository's Dockerfiles (and Containerfiles). */
final class DockerfileChecks {

    private DockerfileChecks() {
    }

    /** {@code Dockerfile}, {@code Containerfile}, {@code Dockerfile.prod}, {@code api.Dockerfile}; not {@code *.dockerignore}. */
    static boolean isDockerfile(String relative) {
        String name = RepositoryFiles.lowerName(relative);
        if (name.endsWith(".dockerignore")) {
            return false;
        }
        return name.equals("dockerfile") || name.equals("containerfile") || name.startsWith("dockerfile.")
                || name.endsWith(".dockerfile") || name.endsWith(".containerfile");
    }

    /** Files named like Dockerfiles that have a FROM (so {@code Dockerfile.java}, a parser's source, is not one). */
    static List<String> dockerfiles(RepositoryFiles repo) {
        return repo.matching(DockerfileChecks::isDockerfile).stream()
                .filter(path -> !Dockerfile.parse(repo.read(path)).stages().isEmpty())
                .toList();
    }

    static final class NonRoot implements RepositoryCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("repo.dockerfile.non-root",
                "Images run as a non-root user", "Security",
                "The final stage of each Dockerfile switches to a user other than root (its last USER, or the "
                        + "last USER of the earlier stage it builds on, is neither root nor 0). Without a USER the "
                        + "container runs as the base image's user, which for most images is root.",
                "Create an unprivileged user in the image (or use one the base image provides) and end the final "
                        + "stage with USER <uid> — a numeric id lets Kubernetes verify runAsNonRoot.",
                REQUIRED, RECOMMENDED, RECOMMENDED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(RepositoryFiles repo, Findings out) {
            for (String path : dockerfiles(repo)) {
                Dockerfile dockerfile = Dockerfile.parse(repo.read(path));
                Dockerfile.Stage stage = dockerfile.finalStage();
                ObjectRef ref = repo.fileRef("Dockerfile", path);
                if (stage == null) {
                    continue; // no FROM: not a Dockerfile we can judge
                }
                Dockerfile.Instruction user = null;
                Dockerfile.Stage owner = stage;
                for (Dockerfile.Stage s = stage; s != null && user == null; s = dockerfile.baseStage(s)) {
                    user = lastUser(s);
                    owner = s;
                }
                if (user == null) {
                    out.fail(ref, repo.location(path, stage.line()), "the final stage sets no USER, so the container runs as the base image's user (root for most images)");
                    continue;
                }
                String[] missing = new String[1];
                String value = Dockerfile.substitute(user.arguments(), owner.variables(), missing).strip();
                String name = value.split(":", 2)[0].strip();
                if (missing[0] != null && name.isEmpty()) {
                    out.pass(ref, repo.location(path, user.line()), "USER " + user.arguments() + " depends on build argument "
                            + missing[0] + ", which has no default; Tandem cannot tell the user and assumes it is not root");
                } else if (name.equals("root") || name.equals("0")) {
                    out.fail(ref, repo.location(path, user.line()), "the final stage runs as root (USER " + user.arguments() + ")");
                } else {
                    out.pass(ref, repo.location(path, user.line()), "the final stage runs as " + value);
                }
            }
        }

        private static Dockerfile.Instruction lastUser(Dockerfile.Stage stage) {
            Dockerfile.Instruction user = null;
            for (Dockerfile.Instruction in : stage.instructions()) {
                if (in.keyword().equals("USER")) {
                    user = in;
                }
            }
            return user;
        }
    }

    static final class PinnedBase implements RepositoryCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("repo.dockerfile.pinned-base",
                "Base images are pinned", "Change management",
                "Every FROM names a base image with a tag other than latest, or a digest. scratch and references to "
                        + "earlier stages are fine; an image given by a build argument is judged by the argument's "
                        + "default. An unpinned base changes under you, so the same commit builds a different image "
                        + "tomorrow, and a rebuild to fix one thing can break another.",
                "Name a version tag (eclipse-temurin:17.0.12_7-jre) or a digest (…@sha256:…) in every FROM, or in "
                        + "the default of the ARG it uses, and let a dependency-update bot raise it.",
                REQUIRED, RECOMMENDED, RECOMMENDED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(RepositoryFiles repo, Findings out) {
            for (String path : dockerfiles(repo)) {
                Dockerfile dockerfile = Dockerfile.parse(repo.read(path));
                ObjectRef ref = repo.fileRef("Dockerfile", path);
                for (Dockerfile.Stage stage : dockerfile.stages()) {
                    String written = stage.image();
                    if (stage.resolvedImage() == null) {
                        out.fail(ref, repo.location(path, stage.line()), "FROM " + written + ": build argument "
                                + stage.unresolvedVariable() + " has no default, so the base image is chosen at build time");
                        continue;
                    }
                    String image = stage.resolvedImage();
                    String shown = image.equals(written) ? written : written + " (" + image + ")";
                    if (image.toLowerCase(Locale.ROOT).equals("scratch")) {
                        out.pass(ref, repo.location(path, stage.line()), "FROM scratch");
                    } else if (dockerfile.baseStage(stage) != null) {
                        out.pass(ref, repo.location(path, stage.line()), "FROM " + shown + " builds on an earlier stage");
                    } else {
                        String problem = ImageReference.pinningProblem(image);
                        if (problem == null) {
                            out.pass(ref, repo.location(path, stage.line()), "FROM " + shown + " is pinned");
                        } else {
                            out.fail(ref, repo.location(path, stage.line()), "FROM " + shown + ": " + problem);
                        }
                    }
                }
            }
        }
    }

    static final class Dockerignore implements RepositoryCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("repo.dockerignore",
                "Docker builds have a .dockerignore", "Security",
                "Each Dockerfile has a .dockerignore beside it or at the repository root (or a "
                        + "<Dockerfile>.dockerignore next to it). Without one the whole directory — .git, local "
                        + "secrets such as .env files, build output — goes to the builder, slows every build, and can "
                        + "end up in the image.",
                "Add a .dockerignore that leaves out .git, credentials and environment files, build output and "
                        + "anything the image does not need.",
                RECOMMENDED, RECOMMENDED, NOT_APPLICABLE);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(RepositoryFiles repo, Findings out) {
            for (String path : dockerfiles(repo)) {
                int slash = path.lastIndexOf('/');
                String dir = slash < 0 ? "" : path.substring(0, slash + 1);
                ObjectRef ref = repo.fileRef("Dockerfile", path);
                var found = repo.firstExisting(dir + ".dockerignore", path + ".dockerignore", ".dockerignore");
                if (found.isPresent()) {
                    out.pass(ref, repo.location(found.get(), 0), "builds with " + found.get());
                } else {
                    out.fail(ref, repo.location(path, 0), "no .dockerignore next to " + path + " or at the repository root");
                }
            }
        }
    }
}
