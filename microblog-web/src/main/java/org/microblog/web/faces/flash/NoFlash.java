package org.microblog.web.faces.flash;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.Flash;
import jakarta.faces.context.FlashFactory;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * Faces' flash, switched off. Mojarra starts its flash on every request and keeps it in the HTTP session
 * (a map of maps and a helper, for every signed-in user, whether anything is in it or not), which would be most
 * of what a session weighs (docs/benchmarks.md, "The web tier's session"). Microblog needs the flash only for a
 * message after a redirect, which {@link FlashMessages} keeps as plain text instead; this flash holds nothing and
 * touches nothing. Registered as the flash factory in faces-config.xml.
 */
public class NoFlash extends Flash {

    private static final NoFlash INSTANCE = new NoFlash();

    @Override
    public boolean isKeepMessages() {
        return false;
    }

    @Override
    public void setKeepMessages(boolean newValue) {
        // nothing is kept
    }

    @Override
    public boolean isRedirect() {
        return false;
    }

    @Override
    public void setRedirect(boolean newValue) {
        // nothing is kept across a redirect
    }

    @Override
    public void putNow(String key, Object value) {
        // nothing is kept
    }

    @Override
    public void keep(String key) {
        // nothing is kept
    }

    @Override
    public void doPrePhaseActions(FacesContext context) {
        // no state to restore
    }

    @Override
    public void doPostPhaseActions(FacesContext context) {
        // no state to save
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return Set.of();
    }

    @Override
    public Object put(String key, Object value) {
        return null;
    }

    // Flash extends Map but not AbstractMap: the rest of Map, as an empty map answers it.
    private static final Map<String, Object> EMPTY = new AbstractMap<>() {
        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Set.of();
        }
    };

    @Override
    public int size() {
        return 0;
    }

    @Override
    public boolean isEmpty() {
        return true;
    }

    @Override
    public boolean containsKey(Object key) {
        return false;
    }

    @Override
    public boolean containsValue(Object value) {
        return false;
    }

    @Override
    public Object get(Object key) {
        return null;
    }

    @Override
    public Object remove(Object key) {
        return null;
    }

    @Override
    public void putAll(Map<? extends String, ?> values) {
        // nothing is kept
    }

    @Override
    public void clear() {
        // nothing to clear
    }

    @Override
    public Set<String> keySet() {
        return EMPTY.keySet();
    }

    @Override
    public java.util.Collection<Object> values() {
        return EMPTY.values();
    }

    /** Hands out the one {@link NoFlash}. */
    public static class Factory extends FlashFactory {

        public Factory(FlashFactory wrapped) {
            super(wrapped);
        }

        @Override
        public Flash getFlash(boolean create) {
            return INSTANCE;
        }
    }
}
