/**
 * The program view: what the SRE manager and leadership look at. It reads the other capabilities
 * (engagements and their exit readiness, the queue, the roster, surveys, maturity) and changes nothing.
 */
package dev.tandem.program;
