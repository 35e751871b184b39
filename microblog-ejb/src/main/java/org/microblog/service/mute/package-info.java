/**
 * Muting: a follow that stays but whose posts leave the home timeline (MuteService).
 *
 * <p>May use {@code domain.user}, JPA, {@code service.account} and {@code service.block}.
 */
package org.microblog.service.mute;
