/**
 * Small values every module speaks: pages of results, field problems, and the few domain exceptions
 * the web layer turns into problem details. No business rules live here.
 */
package dev.tandem.shared;
