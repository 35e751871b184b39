/**
 * Arquillian tests that run inside the server (one Payara Micro for the whole suite, the real WAR of microblog-web:
 * MicroblogDeployment), one class per service, and the support they share: fixtures made straight through JPA
 * (Fixtures, NotificationFixtures), concurrent bursts (Concurrently) and the server's log (ServerLog).
 *
 * <p>Tests here may inject the services and an EntityManager, since they run in the server; they never call the
 * web module's classes.
 */
package org.microblog.it;
