package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.util.Optional;
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

    @EJB
    AccountService accounts;

    @EJB
    FollowService follows;

    @EJB
    TimelineService timelines;

    @Test
    void theTutorialsUsersCanSignInWithTheDocumentedPassword() {
        for (String name : new String[] {"john", "susan", "mary", "david"}) {
            assertTrue(accounts.authenticate(name, DemoData.PASSWORD).isPresent(), name);
        }
    }

    @Test
    void sampleUsersFollowEachOtherAndHaveAHomeTimeline() {
        User john = accounts.getByUsername("john");
        User susan = accounts.getByUsername("susan");

        assertTrue(follows.isFollowing(john.getId(), susan.getId()));
        assertEquals(2, follows.followersCount(john.getId()));
        assertTrue(timelines.home(john.getId(), Optional.empty(), 20).posts().size() >= 5);
    }
}
