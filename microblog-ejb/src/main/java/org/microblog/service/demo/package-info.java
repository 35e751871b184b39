/**
 * The tutorial's sample users and posts, loaded at start-up when {@code microblog.demo-data} is true.
 *
 * <p>May use any service (it goes through them to make its data) and JPA to see whether the database is empty.
 */
package org.microblog.service.demo;
