package org.microblog.web;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Locale;
import org.omnifaces.util.Messages;

/**
 * Makes OmniFaces' {@link Messages} read every message from the bundle: beans call
 * {@code Messages.addGlobalInfo("flash.posted")} with a bundle key, never with text. A message that is
 * already text (a service's refusal) goes through the key {@code message.text}.
 */
@WebListener
public class MessagesFromBundle implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Messages.setResolver((key, arguments) -> Texts.format(locale(), key, arguments));
    }

    private static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.ENGLISH;
    }
}
