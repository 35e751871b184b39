package org.microblog.web.search;

import org.microblog.web.person.FollowOffer;
import org.microblog.web.user.UserCard;

/** A person a search found, with the Follow or Unfollow button the viewer gets for them (none for a visitor). */
public record FoundPerson(UserCard person, FollowOffer offer) {}
