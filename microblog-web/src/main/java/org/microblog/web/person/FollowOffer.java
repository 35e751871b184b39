package org.microblog.web.person;

/**
 * Which follow button a page shows the viewer next to a person: none, Follow or Unfollow. {@link #of} is the one
 * rule every page uses (the profile, the followers and following lists, the suggestions), so that a person shows
 * the same button wherever they appear; the tag {@code mb:followButton} only draws what it is given.
 */
public enum FollowOffer {
    /** No button: the viewer is signed out, is the person, or one of them blocks the other. */
    NONE,
    FOLLOW,
    UNFOLLOW;

    /**
     * Nobody follows across a block, either way round (FollowService refuses it), and nobody follows
     * themself; a signed-out visitor is asked to sign in instead.
     */
    public static FollowOffer of(boolean signedIn, boolean self, boolean viewerFollows, boolean eitherBlocks) {
        if (!signedIn || self || eitherBlocks) {
            return NONE;
        }
        return viewerFollows ? UNFOLLOW : FOLLOW;
    }
}
