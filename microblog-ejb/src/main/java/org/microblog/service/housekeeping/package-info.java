/**
 * Scheduled clean-up: the sign-in throttle's old rows, swept every hour.
 *
 * <p>May use {@code service.account}; it touches no EntityManager itself.
 */
package org.microblog.service.housekeeping;
