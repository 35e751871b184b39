/**
 * Scheduled clean-up: the sign-in throttle's old rows, swept every hour; exports of posts, resumed when their job
 * died and deleted after a day, every minute.
 *
 * <p>May use {@code service.account}, {@code service.export} and {@code service.schema.DatabaseOutage}; it touches no
 * EntityManager itself.
 */
package org.microblog.service.housekeeping;
