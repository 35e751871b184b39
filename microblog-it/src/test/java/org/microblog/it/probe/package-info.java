/**
 * What the HTTP tests cannot see from outside, answered by a servlet deployed with the tests only (ProbeServlet),
 * never part of the application's WAR.
 */
package org.microblog.it.probe;
