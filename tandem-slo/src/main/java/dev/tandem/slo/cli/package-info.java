/**
 * The {@code tandem slo} commands. The engine library shares its base package with the application's
 * {@code slo} module, so Spring Modulith sees these classes as part of that module; this package is
 * declared a named interface so that the application's {@code cli} module may register
 * {@link dev.tandem.slo.cli.SloCommand}. (The annotation is compile-time only; the library needs no Spring.)
 */
@NamedInterface("cli")
package dev.tandem.slo.cli;

import org.springframework.modulith.NamedInterface;
