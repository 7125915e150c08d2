/**
 * Reading, validating and writing Backstage catalog descriptor files ({@code catalog-info.yaml}).
 *
 * <p>Teams often already describe their services for Backstage; accepting the same files lets them
 * bring their catalog into Tandem without rewriting it. This package is deliberately free of Spring
 * and of any persistence concerns: it turns text into validated value objects (and back), and leaves
 * cross-document checks such as duplicate names or unresolved references to the application. It is a
 * named interface of the catalog module, so the command line can validate files offline.
 */
@org.springframework.modulith.NamedInterface("backstage")
package dev.tandem.catalog.backstage;
