/**
 * Faces plumbing, exception handling: a business refusal that escapes a page action becomes a message on the same
 * page (RefusalExceptionHandler, registered in faces-config.xml); every other exception goes on to the error pages.
 *
 * <p>May use the services' MicroblogException and {@code language}; no service call, no EntityManager.
 */
package org.microblog.web.faces.exception;
