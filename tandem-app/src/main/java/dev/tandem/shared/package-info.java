/**
 * Small values every module speaks: pages of results, field problems, and the few domain exceptions
 * the web layer turns into problem details; and {@link dev.tandem.shared.RequestActivity}, which tells
 * background jobs whether people are using the server. No business rules live here.
 */
package dev.tandem.shared;
