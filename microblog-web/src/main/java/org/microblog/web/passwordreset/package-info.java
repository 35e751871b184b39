/**
 * The pages of "forgot your password?": {@code /forgot-password} asks for the e-mail address and
 * {@code /reset-password?token=...} sets a new password through the link the e-mail holds (PasswordResetService);
 * {@link ResetPage} makes the link's address from the configuration, never from what a request says its host is.
 */
package org.microblog.web.passwordreset;
