package org.microblog.service.schema;

/** The CDI event of a database brought up to date, at start-up or as soon as the database could be reached. */
public record SchemaReady(String version) {}
