package org.microblog.web.security;

import jakarta.faces.context.FacesContext;
import jakarta.faces.render.RenderKit;
import jakarta.faces.render.RenderKitFactory;
import jakarta.faces.render.RenderKitWrapper;
import jakarta.faces.render.ResponseStateManager;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faces never takes a request for a postback unless it is a POST: only then does it restore a view and run a
 * form's action. The specification leaves the decision to the render kit's {@link ResponseStateManager}, and
 * Mojarra's answers yes to any request that carries a view state, a GET from a link on another site included.
 * This factory (faces-config.xml) wraps every render kit so that its state manager says no to anything but a
 * POST; a GET is then only ever a page read, for every form there is or will be.
 *
 * <p>PostbackFilter answers such a GET with 400 before Faces sees it; this holds even where that filter is not
 * mapped. Written by hand because neither Faces nor OmniFaces has this switch, and Faces has no wrapper class for
 * a state manager.
 */
public class PostbacksArePosts extends RenderKitFactory {

    private final Map<String, OnlyPosts> kits = new ConcurrentHashMap<>();

    public PostbacksArePosts(RenderKitFactory wrapped) {
        super(wrapped);
    }

    @Override
    public void addRenderKit(String renderKitId, RenderKit renderKit) {
        getWrapped().addRenderKit(renderKitId, renderKit);
    }

    @Override
    public RenderKit getRenderKit(FacesContext context, String renderKitId) {
        RenderKit kit = getWrapped().getRenderKit(context, renderKitId);
        if (kit == null) {
            return null;
        }
        OnlyPosts wrapper = kits.get(renderKitId);
        if (wrapper == null || wrapper.getWrapped() != kit) {
            wrapper = new OnlyPosts(kit);
            kits.put(renderKitId, wrapper);
        }
        return wrapper;
    }

    @Override
    public Iterator<String> getRenderKitIds() {
        return getWrapped().getRenderKitIds();
    }

    /** Whether the request of {@code context} is a POST, the only method a form of ours sends. */
    static boolean isPost(FacesContext context) {
        return context.getExternalContext().getRequest() instanceof HttpServletRequest request
                && "POST".equals(request.getMethod());
    }

    private static final class OnlyPosts extends RenderKitWrapper {

        private final ResponseStateManager states;

        OnlyPosts(RenderKit wrapped) {
            super(wrapped);
            states = new PostbackOnlyByPost(wrapped.getResponseStateManager());
        }

        @Override
        public ResponseStateManager getResponseStateManager() {
            return states;
        }
    }

    /** The render kit's state manager, except that a request other than a POST is never a postback. */
    static final class PostbackOnlyByPost extends ResponseStateManager {

        private final ResponseStateManager wrapped;

        PostbackOnlyByPost(ResponseStateManager wrapped) {
            this.wrapped = wrapped;
        }

        @Override
        public boolean isPostback(FacesContext context) {
            return isPost(context) && wrapped.isPostback(context);
        }

        @Override
        public void writeState(FacesContext context, Object state) throws IOException {
            wrapped.writeState(context, state);
        }

        @Override
        public boolean isStateless(FacesContext context, String viewId) {
            return wrapped.isStateless(context, viewId);
        }

        @Override
        public Object getState(FacesContext context, String viewId) {
            return wrapped.getState(context, viewId);
        }

        @Override
        public String getViewState(FacesContext context, Object state) {
            return wrapped.getViewState(context, state);
        }

        @Override
        public String getCryptographicallyStrongTokenFromSession(FacesContext context) {
            return wrapped.getCryptographicallyStrongTokenFromSession(context);
        }
    }
}
