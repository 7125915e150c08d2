package dev.tandem.catalog;

/**
 * Lets other modules show a compact section on a service's page without the catalog knowing them: the
 * catalog's page asks every bean that implements this, in their {@link org.springframework.core.annotation.Order
 * order}, and renders what they return. The dependency points from the module that knows the data to the
 * catalog, never back. Implementations read stored state only: the service page must stay quick.
 */
public interface ServicePanels {

    /** The panel for an existing service. */
    ServicePanel panelFor(Service service);
}
