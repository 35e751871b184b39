package org.microblog.service.account;

/**
 * What a signed-in request needs to know about its user: who it is, and the {@code credentialsVersion}
 * its session must still match (a session signed in at an older version has been ended).
 */
public record SignedInUser(long id, String username, long credentialsVersion) {}
