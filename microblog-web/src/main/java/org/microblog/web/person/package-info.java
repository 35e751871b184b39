/**
 * The buttons on a person, wherever a page shows one: Follow, Block, Mute and Remove (FollowBacking, BlockBacking,
 * MuteBacking, drawn by the tags {@code mb:followButton} and its kin), what they all do around their action
 * (PersonButton), the event that tells the page to show the new state (RelationshipChanged), and which follow button
 * a viewer is offered (FollowOffer, FollowOffers).
 *
 * <p>May use the follow, block and mute services and {@code session}; nothing here touches an EntityManager.
 */
package org.microblog.web.person;
