/**
 * The home page ({@code /}, index.xhtml, {@code #{homeBacking}}): the post form, follow by name, the "Who to follow"
 * box and the home timeline.
 *
 * <p>May use the domain, the services and the web module's shared parts ({@code person}, {@code paging},
 * {@code faces.flash}, {@code session}); nothing here touches an EntityManager.
 */
package org.microblog.web.home;
