/**
 * The signed-in user of a request (CurrentUser, {@code #{currentUser}}), a session ended when its credentials no
 * longer hold (CredentialsCheckFilter) and "last seen" kept up to date (LastSeenFilter).
 *
 * <p>May use {@code service.account} and {@code security}'s SignedInSession; nothing here touches an EntityManager.
 */
package org.microblog.web.session;
