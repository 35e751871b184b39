package org.microblog.web.person;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FollowOfferTest {

    @Test
    void aSignedInViewerGetsFollowOrUnfollowForSomeoneElse() {
        assertEquals(FollowOffer.FOLLOW, FollowOffer.of(true, false, false, false));
        assertEquals(FollowOffer.UNFOLLOW, FollowOffer.of(true, false, true, false));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aBlockEitherWayMeansNoButtonWhateverTheFollow(boolean viewerFollows) {
        assertEquals(FollowOffer.NONE, FollowOffer.of(true, false, viewerFollows, true));
    }

    @Test
    void aVisitorAndTheViewerThemselfGetNoButton() {
        assertEquals(FollowOffer.NONE, FollowOffer.of(false, false, false, false));
        assertEquals(FollowOffer.NONE, FollowOffer.of(true, true, false, false));
    }
}
