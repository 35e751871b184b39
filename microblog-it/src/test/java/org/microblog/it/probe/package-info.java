/**
 * What the HTTP tests cannot see or make from outside, answered by servlets deployed with the tests only, never part
 * of the application's WAR: ProbeServlet reads; ExportFixtureServlet sets up an export in the state a test needs.
 */
package org.microblog.it.probe;
