/**
 * The database itself: the application's data source and the Flyway migrations run at start-up
 * (DatabaseMigrations), the event of a schema ready, and which database the application runs on (CurrentDatabase,
 * DatabaseVendor), detected once for the whole application.
 *
 * <p>May use JDBC, Flyway, EJB and CDI, and {@code domain.post.SearchWords} (a migration cuts posts into words); no
 * entity and no other service package.
 */
package org.microblog.service.schema;
