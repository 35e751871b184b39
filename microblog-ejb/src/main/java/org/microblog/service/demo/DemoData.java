package org.microblog.service.demo;

import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;
import org.microblog.service.follow.FollowService;
import org.microblog.service.post.PostService;
import org.microblog.service.schema.SchemaReady;

/**
 * The tutorial's sample users (john, susan, mary, david), who follow each other and have written a few
 * posts, so that a new visitor sees a living site. Loaded at start-up only when the configuration
 * property {@code microblog.demo-data} is true and the database has no users at all; every sample user's
 * password is {@value #PASSWORD}.
 */
@Singleton
public class DemoData {

    public static final String PASSWORD = "microblog";
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    private record Sample(String author, String body, Duration ago) {}

    private static final List<String> USERS = List.of("john", "susan", "mary", "david");

    /** Who follows whom: john and susan follow each other, everybody follows mary, david follows john. */
    private static final List<List<String>> FOLLOWS = List.of(
            List.of("john", "susan"),
            List.of("susan", "john"),
            List.of("john", "mary"),
            List.of("susan", "mary"),
            List.of("david", "mary"),
            List.of("david", "john"));

    private static final List<Sample> POSTS = List.of(
            new Sample("john", "Beautiful day in Portland!", Duration.ofDays(3)),
            new Sample(
                    "susan",
                    "The Avengers movie was so cool!",
                    Duration.ofDays(2).plusHours(5)),
            new Sample("mary", "Reading the Flask Mega-Tutorial, one chapter a day.", Duration.ofDays(2)),
            new Sample("david", "Anyone up for a bike ride on Saturday?", Duration.ofHours(30)),
            new Sample("john", "Coffee first, then code.", Duration.ofHours(20)),
            new Sample("mary", "Followers, done properly: one join and a good index.", Duration.ofHours(6)),
            new Sample("susan", "Just finished a 10k run. Time for pancakes.", Duration.ofHours(2)),
            new Sample("david", "Hello Microblog!", Duration.ofMinutes(25)));

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    FollowService follows;

    @Inject
    PostService posts;

    @Inject
    @ConfigProperty(name = "microblog.demo-data", defaultValue = "false")
    boolean enabled;

    /** As soon as the schema is up to date (at start-up, or once the database could be reached). */
    public void load(@Observes SchemaReady ready) {
        if (!enabled) {
            return;
        }
        if (userCount() > 0) {
            LOG.info("microblog.demo-data is on, but the database has users already: no sample data added");
            return;
        }
        for (String name : USERS) {
            accounts.register(name, name + "@example.com", PASSWORD);
        }
        for (List<String> link : FOLLOWS) {
            follows.follow(accounts.getByUsername(link.get(0)).getId(), link.get(1));
        }
        Instant now = Instant.now(Clock.systemUTC());
        for (Sample sample : POSTS) {
            posts.publish(accounts.getByUsername(sample.author()).getId(), sample.body(), now.minus(sample.ago()));
        }
        LOG.info(() -> "Sample data loaded: users " + USERS + ", password \"" + PASSWORD + "\"");
    }

    private long userCount() {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        query.select(cb.count(query.from(User.class)));
        return em.createQuery(query).getSingleResult();
    }
}
