package dev.tandem.checks.repository;

import dev.tandem.checks.CheckDefinition;
import dev.tandem.checks.Findings;
import dev.tandem.checks.RepositoryCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.tandem.checks.Requirement.NOT_APPLICABLE;
import static dev.tandem.checks.Requirement.RECOMMENDED;
import static dev.tandem.checks.Requirement.REQUIRED;

/** Checks on how the project is run: dependency updates, ownership, runbooks and CI. */
final class ProjectChecks {

    private ProjectChecks() {
    }

    static final class DependencyUpdates implements RepositoryCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("repo.dependency-updates",
                "Dependency updates are automated", "Change management",
                "The repository configures Dependabot (.github/dependabot.yml) or Renovate (renovate.json, "
                        + "renovate.json5, .renovaterc*, the same under .github/ or .gitlab/, or a \"renovate\" key in "
                        + "package.json). Dependencies that nobody raises fall behind on security fixes until an "
                        + "upgrade becomes a project of its own.",
                "Add .github/dependabot.yml with an entry per package ecosystem (and for docker and "
                        + "github-actions), or a renovate.json, and merge its pull requests as part of normal work.",
                REQUIRED, RECOMMENDED, NOT_APPLICABLE);

        private static final String[] CONFIGS = {".github/dependabot.yml", ".github/dependabot.yaml",
                "renovate.json", "renovate.json5", ".renovaterc", ".renovaterc.json", ".renovaterc.json5",
                ".github/renovate.json", ".github/renovate.json5", ".gitlab/renovate.json", ".gitlab/renovate.json5"};
        private static final Pattern RENOVATE_KEY = Pattern.compile("\"renovate\"\\s*:");

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(RepositoryFiles repo, Findings out) {
            Optional<String> config = repo.firstExisting(CONFIGS);
            if (config.isEmpty() && repo.exists("package.json") && RENOVATE_KEY.matcher(repo.read("package.json")).find()) {
                config = Optional.of("package.json");
            }
            if (config.isPresent()) {
                String tool = config.get().contains("dependabot") ? "Dependabot" : "Renovate";
                out.pass(repo.repositoryRef(), repo.location(config.get(), 0), tool + " is configured in " + config.get());
            } else {
                out.fail(repo.repositoryRef(), repo.location(".github/dependabot.yml", 0),
                        "no Dependabot or Renovate configuration found");
            }
        }
    }

    static final class Codeowners implements RepositoryCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("repo.codeowners",
                "Code has named owners", "Operations",
                "A CODEOWNERS file (at the root, or in .github/, .gitlab/ or docs/) with at least one rule names "
                        + "who owns the code. Reviews then reach the people who know it, and in an incident everyone "
                        + "knows whom to call.",
                "Add .github/CODEOWNERS with a rule such as `* @your-org/your-team`, naming a team rather than "
                        + "people who may move on.",
                REQUIRED, REQUIRED, RECOMMENDED);

        private static final String[] PLACES = {"CODEOWNERS", ".github/CODEOWNERS", ".gitlab/CODEOWNERS", "docs/CODEOWNERS"};

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(RepositoryFiles repo, Findings out) {
            Optional<String> file = repo.firstExisting(PLACES);
            if (file.isEmpty()) {
                out.fail(repo.repositoryRef(), repo.location(".github/CODEOWNERS", 0), "no CODEOWNERS file");
                return;
            }
            boolean rules = repo.read(file.get()).lines().map(String::strip)
                    .anyMatch(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("["));
            if (rules) {
                out.pass(repo.repositoryRef(), repo.location(file.get(), 0), file.get() + " names the owners");
            } else {
                out.fail(repo.repositoryRef(), repo.location(file.get(), 1), file.get() + " has no ownership rules");
            }
        }
    }

    static final class Runbook implements RepositoryCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("repo.runbook",
                "Runbooks or playbooks are written down", "Operations",
                "The repository holds runbook or playbook documents: a file whose name starts with runbook or "
                        + "playbook (RUNBOOK.md, docs/runbook-database.md, …) or files in a runbook(s)/ or "
                        + "playbook(s)/ directory. Whoever is on call at 3 a.m. needs the steps for known failures "
                        + "written down, not in the head of the one person who is asleep.",
                "Add RUNBOOK.md (or runbooks/<alert>.md, one per alert) with, for each alert: what it means, how "
                        + "to confirm it, how to mitigate, and whom to escalate to.",
                REQUIRED, REQUIRED, NOT_APPLICABLE);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(RepositoryFiles repo, Findings out) {
            List<String> docs = repo.matching(Runbook::isRunbook);
            if (docs.isEmpty()) {
                out.fail(repo.repositoryRef(), repo.location("RUNBOOK.md", 0), "no runbook or playbook documents found");
            } else {
                out.pass(repo.repositoryRef(), repo.location(docs.get(0), 0), docs.size() == 1 ? "runbook: " + docs.get(0)
                        : docs.size() + " runbook documents, the first " + docs.get(0));
            }
        }

        static boolean isRunbook(String relative) {
            String name = RepositoryFiles.lowerName(relative);
            if (name.startsWith("runbook") || name.startsWith("playbook")) {
                return true;
            }
            String[] segments = relative.toLowerCase(java.util.Locale.ROOT).split("/");
            for (int i = 0; i < segments.length - 1; i++) {
                String dir = segments[i];
                if (dir.equals("runbooks") || dir.equals("runbook") || dir.equals("playbooks") || dir.equals("playbook")) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class Ci implements RepositoryCheck {
        static final CheckDefinition DEFINITION = CheckDefinition.of("repo.ci",
                "Changes are built and tested by CI", "Change management",
                "The repository configures a CI system: GitHub Actions (.github/workflows/), GitLab CI "
                        + "(.gitlab-ci.yml), Jenkins (Jenkinsfile), CircleCI (.circleci/config.yml), Azure Pipelines "
                        + "(azure-pipelines.yml), Buildkite (.buildkite/), Bitbucket Pipelines, Drone (.drone.yml), "
                        + "Tekton (.tekton/ or tekton/), Travis CI or Woodpecker. Changes that no machine builds and "
                        + "tests reach production on the strength of someone's laptop.",
                "Add a pipeline that builds, tests and (with `tandem check`) checks every change, for example "
                        + ".github/workflows/ci.yml or .gitlab-ci.yml.",
                REQUIRED, REQUIRED, REQUIRED);

        @Override
        public CheckDefinition definition() {
            return DEFINITION;
        }

        @Override
        public void check(RepositoryFiles repo, Findings out) {
            List<String> found = configurations(repo);
            if (found.isEmpty()) {
                out.fail(repo.repositoryRef(), repo.location(".github/workflows/ci.yml", 0), "no CI configuration found");
            } else {
                out.pass(repo.repositoryRef(), repo.location(found.get(0), 0), "CI is configured in " + String.join(", ", found));
            }
        }

        static List<String> configurations(RepositoryFiles repo) {
            List<String> found = new ArrayList<>();
            repo.inDirectory(".github/workflows").stream().filter(f -> f.endsWith(".yml") || f.endsWith(".yaml")).findFirst().ifPresent(found::add);
            repo.firstExisting(".gitlab-ci.yml", ".gitlab-ci.yaml").ifPresent(found::add);
            repo.matching(f -> RepositoryFiles.lowerName(f).startsWith("jenkinsfile")).stream().findFirst().ifPresent(found::add);
            repo.firstExisting(".circleci/config.yml", ".circleci/config.yaml").ifPresent(found::add);
            repo.firstExisting("azure-pipelines.yml", "azure-pipelines.yaml").ifPresent(found::add);
            repo.inDirectory(".azure-pipelines").stream().findFirst().ifPresent(found::add);
            repo.matching(f -> f.startsWith(".buildkite/")).stream().findFirst().ifPresent(found::add);
            repo.firstExisting("bitbucket-pipelines.yml", "bitbucket-pipelines.yaml").ifPresent(found::add);
            repo.firstExisting(".drone.yml", ".drone.yaml", ".drone.jsonnet", ".drone.star").ifPresent(found::add);
            repo.matching(f -> f.startsWith(".tekton/") || f.startsWith("tekton/")).stream().findFirst().ifPresent(found::add);
            repo.firstExisting(".travis.yml", ".woodpecker.yml", ".woodpecker.yaml").ifPresent(found::add);
            repo.matching(f -> f.startsWith(".woodpecker/")).stream().findFirst().ifPresent(found::add);
            return found;
        }
    }
}
