/**
 * Production mode proven on real processes: the cluster of three instances on PostgreSQL behind HAProxy, a single
 * instance killed or cut off from its database, driven through the project's own scripts (Cluster, SingleInstance,
 * PostgreSql, TcpProxy, Commands, Await). They run beside the in-container suite, in the same Failsafe run, in two
 * lanes: the cluster's classes take turns ({@link RunningCluster#LOCK}), and so do those that start a single
 * instance ({@link SingleInstance#LOCK}); and nothing that uses the machine's PostgreSQL runs while PostgreSqlRestartIT stops it
 * ({@link PostgreSql#SERVER}). Ports and databases of their own and the machine's PostgreSQL;
 * {@code -Dproduction.skip=true} leaves them out.
 */
package org.microblog.it.production;
