/**
 * Faces plumbing, the flash: Faces' own flash switched off (NoFlash), the message for the page after a redirect kept
 * by hand (FlashMessages), and the redirect itself (Redirects), all so that a POST-redirect-GET adds nothing to the
 * HTTP session.
 *
 * <p>May use Faces, OmniFaces and {@code language}; no service, no EntityManager.
 */
package org.microblog.web.faces.flash;
