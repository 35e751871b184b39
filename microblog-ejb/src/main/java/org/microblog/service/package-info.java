/**
 * The use cases of Microblog, as {@code @Stateless} beans without interfaces, one package per concern. This package
 * holds only MicroblogException, the root of the business refusals, whose messages are in the bundle
 * {@code ServiceMessages}.
 *
 * <p>Services may use the domain, JPA (queries live here, never in the web module), EJB, CDI and Bean Validation;
 * none may use the web module or know a page exists.
 */
package org.microblog.service;
