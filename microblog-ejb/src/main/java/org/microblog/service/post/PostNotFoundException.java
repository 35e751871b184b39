package org.microblog.service.post;

import org.microblog.service.MicroblogException;

/**
 * The signed-in user has no post with that id: it never existed, was deleted, or is someone else's (the three are
 * not told apart, so that nobody learns which ids exist).
 */
public class PostNotFoundException extends MicroblogException {
    private static final long serialVersionUID = 1L;

    public PostNotFoundException() {
        super("post.notFound");
    }
}
