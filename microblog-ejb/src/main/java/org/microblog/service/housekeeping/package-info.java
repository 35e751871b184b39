/**
 * Scheduled clean-up: the sign-in throttle's old rows, swept every hour; exports of posts, resumed when their job
 * died and deleted after a day, every minute.
 *
 * <p>May use {@code service.account} and {@code service.export}; it touches no EntityManager itself.
 */
package org.microblog.service.housekeeping;
