/**
 * Production-readiness checks over Kubernetes manifests and repository contents: a plain-Java engine shared by
 * the server, the {@code tandem check} command and the benchmarks.
 *
 * <p>The API is in this package: {@link dev.tandem.checks.ManifestAnalyzer} and
 * {@link dev.tandem.checks.RepositoryAnalyzer} produce an {@link dev.tandem.checks.Analysis} of
 * {@link dev.tandem.checks.Finding}s and {@link dev.tandem.checks.CheckResult}s; {@link dev.tandem.checks.Checks}
 * lists every {@link dev.tandem.checks.CheckDefinition}. Subpackages hold the YAML model checks read
 * ({@code manifest}), the built-in checks ({@code manifest.rules}, {@code repository}), the report formats
 * ({@code report}) and the command ({@code cli}).
 *
 * <p>Inside the Tandem application, Spring Modulith sees this library as the module {@code checks}. It is declared
 * open, so the application may use its subpackages (the command, the report formats) too: it is a library that
 * depends on no application module, not a capability with internals to guard.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Checks engine (library)")
package dev.tandem.checks;

import org.springframework.modulith.ApplicationModule;
