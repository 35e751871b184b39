package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;
import org.microblog.service.demo.DemoData;
import org.microblog.service.follow.FollowService;
import org.microblog.service.timeline.TimelineService;

/** The sample data that microblog.demo-data=true loads into an empty database (the suite's server has it on). */
@ExtendWith(ArquillianExtension.class)
class DemoDataIT {

    private static final List<String> SAMPLE_USERS = List.of("john", "susan", "mary", "david");

    @EJB
    AccountService accounts;

    @EJB
    FollowService follows;

    @EJB
    TimelineService timelines;

    @Test
    void theTutorialsUsersCanSignInWithTheDocumentedPassword() {
        for (String name : SAMPLE_USERS) {
            assertTrue(accounts.authenticate(name, DemoData.PASSWORD).isPresent(), name);
        }
    }

    @Test
    void sampleUsersFollowEachOtherAndHaveAHomeTimeline() {
        User john = accounts.getByUsername("john");
        User susan = accounts.getByUsername("susan");

        assertTrue(follows.isFollowing(john.getId(), susan.getId()));
        // Other tests may follow john too: of the sample users, susan and david do, and the count agrees with the rows.
        List<String> followers = follows.followers(john.getId(), 0, 1000).stream()
                .map(follow -> follow.getFollower().getUsername())
                .toList();
        assertEquals(
                Set.of("susan", "david"),
                followers.stream().filter(SAMPLE_USERS::contains).collect(Collectors.toSet()));
        assertEquals(followers.size(), follows.followersCount(john.getId()));
        assertTrue(timelines.home(john.getId(), Optional.empty(), 20).posts().size() >= 5);
    }
}
