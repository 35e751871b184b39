/**
 * Production mode proven on real processes: the cluster of three instances on PostgreSQL behind HAProxy, a single
 * instance killed or cut off from its database, driven through the project's own scripts (Cluster, SingleInstance,
 * PostgreSql, TcpProxy, Commands, Await). They run in a Failsafe execution of their own, after the suite's server
 * has stopped, on ports and databases of their own and the machine's PostgreSQL; {@code -Dproduction.skip=true}
 * leaves them out.
 */
package org.microblog.it.production;
