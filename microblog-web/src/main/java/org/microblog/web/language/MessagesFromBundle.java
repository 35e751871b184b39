package org.microblog.web.language;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.omnifaces.util.Messages;

/**
 * Makes OmniFaces' {@link Messages} read every message from the bundle: beans call
 * {@code Messages.addGlobalInfo("follow.done", name)} with a bundle key, never with text. A message that is
 * already text (a service's refusal) goes through the key {@code message.text}.
 */
@WebListener
public class MessagesFromBundle implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Messages.setResolver((key, arguments) -> Texts.format(Texts.currentLocale(), key, arguments));
    }
}
