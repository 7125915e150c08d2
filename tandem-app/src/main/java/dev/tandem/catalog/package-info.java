/**
 * The catalog: teams and their members, people, services with their owners and dependencies, systems,
 * and the resources, APIs and domains that Backstage descriptors bring along. Backstage
 * {@code catalog-info.yaml} is the exchange format ({@link dev.tandem.catalog.CatalogImport},
 * {@link dev.tandem.catalog.CatalogExport}).
 */
package dev.tandem.catalog;
