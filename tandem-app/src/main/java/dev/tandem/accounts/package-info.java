/**
 * Users, roles, API tokens, sign-in, and the authorization rules every other module asks.
 * Team membership belongs to the catalog; this module reads it through {@link dev.tandem.accounts.TeamMembership}
 * so that the dependency points one way (catalog → accounts).
 */
package dev.tandem.accounts;
