package dev.tandem.cli;

import picocli.CommandLine.Command;

/** {@code tandem catalog …}: Backstage descriptors in and out, with or without a running server. */
@Command(name = "catalog", description = "Validate, import and export Backstage catalog-info.yaml files.",
        mixinStandardHelpOptions = true,
        subcommands = {CatalogValidateCommand.class, CatalogImportCommand.class, CatalogExportCommand.class})
class CatalogCommand {
}
