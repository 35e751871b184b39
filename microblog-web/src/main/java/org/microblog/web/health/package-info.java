/**
 * Operations: MicroProfile Health's readiness and liveness checks, and the graceful shutdown on SIGTERM with the
 * filter, first in web.xml's chain, that counts the requests in progress.
 *
 * <p>May use {@code service.schema} and {@code errors}' outage record; nothing here touches an EntityManager.
 */
package org.microblog.web.health;
