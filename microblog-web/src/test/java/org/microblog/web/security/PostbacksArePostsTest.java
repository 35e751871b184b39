package org.microblog.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microblog.web.security.Requests.request;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.ExternalContextWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.FacesContextWrapper;
import jakarta.faces.render.ResponseStateManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostbacksArePostsTest {

    /** What Mojarra's state manager says: any request with a view state is a postback. */
    private static final ResponseStateManager BY_VIEW_STATE = new ResponseStateManager() {
        @Override
        public boolean isPostback(FacesContext context) {
            return context.getExternalContext().getRequestParameterMap().containsKey(VIEW_STATE_PARAM);
        }
    };

    private static final ResponseStateManager ONLY_POSTS = new PostbacksArePosts.PostbackOnlyByPost(BY_VIEW_STATE);

    /** A FacesContext of a request with this method and a view state. */
    private static FacesContext withViewState(String method) {
        Map<String, String> parameters = Map.of(ResponseStateManager.VIEW_STATE_PARAM, "stateless");
        ExternalContext external = new ExternalContextWrapper(null) {
            @Override
            public Object getRequest() {
                return request(method, parameters);
            }

            @Override
            public Map<String, String> getRequestParameterMap() {
                return parameters;
            }
        };
        return new FacesContextWrapper(null) {
            @Override
            public ExternalContext getExternalContext() {
                return external;
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "PUT", "OPTIONS"})
    void aRequestOtherThanAPostIsNeverAPostbackWhateverItCarries(String method) {
        assertTrue(BY_VIEW_STATE.isPostback(withViewState(method)), "what Faces alone would say");
        assertFalse(ONLY_POSTS.isPostback(withViewState(method)));
    }

    @Test
    void aPostWithAViewStateIsAPostback() {
        assertTrue(ONLY_POSTS.isPostback(withViewState("POST")));
    }

    @Test
    void aPostWithoutAViewStateIsNone() {
        FacesContext post = new FacesContextWrapper(withViewState("POST")) {
            @Override
            public ExternalContext getExternalContext() {
                return new ExternalContextWrapper(super.getExternalContext()) {
                    @Override
                    public Map<String, String> getRequestParameterMap() {
                        return Map.of();
                    }
                };
            }
        };
        assertFalse(ONLY_POSTS.isPostback(post));
    }
}
