/**
 * The page layout and helpers shared by every module's pages and API: problem details, request limits,
 * version preconditions. No business rules live here.
 */
package dev.tandem.web;
