package org.microblog.web.post;

/**
 * A post as a list of posts shows it, with every text and address made in Java: a row of the list reads these
 * properties and calls no method. Jakarta EL resolves a method call with arguments by reflection on every call,
 * and a list has twenty rows.
 *
 * @param anchor the row's id in the page ({@code post-123}), which the client API's status addresses point at
 * @param author the author's username
 * @param authorUrl the author's profile
 * @param avatar the author's avatar, 48 pixels wide
 * @param time the exact time, machine-readable ({@code <time datetime>})
 * @param ago how long ago, in the page's language
 * @param body the text
 * @param deleteUrl the page that deletes it, for its author; empty for everyone else
 */
public record PostRow(
        String anchor,
        String author,
        String authorUrl,
        String avatar,
        String time,
        String ago,
        String body,
        String deleteUrl) {}
