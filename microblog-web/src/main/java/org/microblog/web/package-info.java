/**
 * The web tier of Microblog: pages, their backing beans and the plumbing under them, one package per page or per
 * job. Page beans are in packages named after their page ({@code home} for index.xhtml, {@code blocked},
 * {@code register}...); the parts pages share are {@code person} (the buttons on a person), {@code post},
 * {@code paging}, {@code format}, {@code avatar} and {@code language}; Faces plumbing is in {@code faces.*} by kind;
 * requests are guarded by {@code security}, {@code session}, {@code errors} and {@code health}, whose filters run in
 * the order web.xml declares.
 *
 * <p>Every package here may use the domain and the services; none touches an EntityManager or writes a query.
 */
package org.microblog.web;
