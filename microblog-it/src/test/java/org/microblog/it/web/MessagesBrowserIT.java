package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** Private messages as people use them in Chromium: Message on a profile, the menu's count, the list, the reply. */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class MessagesBrowserIT {

    @ArquillianResource
    URL base;

    Browser browser;

    @Test
    void aMessageWrittenFromAProfileIsCountedInTheMenuReadAndAnswered() {
        String bob = Names.unique("bob");
        WebClient bobClient = new WebClient(base);
        bobClient.register(bob);
        String ann = Names.unique("ann");
        browser.register(ann);

        browser.open("user/" + bob);
        browser.clickAndLoad("message");
        browser.fill("message:body", "Hello " + bob + ", shall we meet?");
        browser.clickAndLoad("message:submit");
        browser.waitForText("Your message has been sent.");
        browser.waitForText("shall we meet?");

        WebClient.Page home = bobClient.get("");
        assertEquals("1", home.text("unread-messages"));
        bobClient.follow(bobClient.submit(
                bobClient.get("messages/" + ann), "message", "submit", Map.of("message:body", "Yes, at noon.")));
        browser.open("");
        assertEquals("1", browser.driver().findElement(By.id("unread-messages")).getText());
        browser.clickAndLoad("nav-messages");
        browser.waitForText("Yes, at noon.");
        browser.driver().findElement(By.linkText(bob)).click();
        browser.waitForText("Yes, at noon.");
        assertEquals(0, browser.driver().findElements(By.id("unread-messages")).size(), "read once shown");
    }
}
