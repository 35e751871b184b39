package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.it.mail.TestMailServer;

/**
 * "Forgot your password?" as a person does it in Chromium: from the sign-in page's link to the mail, and from the
 * mail's link to being signed in with the new password. The site is reached on 127.0.0.1, as on one's own machine.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class PasswordResetBrowserIT {

    private static final String NEW_PASSWORD = "staple-battery-horse";

    @ArquillianResource
    URL base;

    Browser browser;

    @Test
    void aPersonWhoForgotTheirPasswordGetsBackInThroughTheMail() {
        String ann = Names.unique("ann");
        new WebClient(base).register(ann);
        URL site = PasswordResetIT.onLoopback(base);

        browser.driver().get(site + "login");
        browser.clickAndLoad("forgot");
        assertEquals(
                "Forgot your password?",
                browser.driver()
                        .findElement(org.openqa.selenium.By.tagName("h1"))
                        .getText());
        browser.fill("forgot:email", ann + "@example.com");
        browser.clickAndLoad("forgot:submit");
        browser.waitForText("a link to choose a new password is on its way");

        String link = PasswordResetIT.link(
                TestMailServer.awaitMailTo(ann + "@example.com", 1).getFirst());
        assertTrue(link.startsWith(site.toString()), link);
        browser.driver().get(link);
        browser.waitForText("Choose a new password");
        browser.screenshot("look-reset-password-1280");
        browser.fill("reset:newPassword", NEW_PASSWORD);
        browser.fill("reset:repeatPassword", NEW_PASSWORD);
        browser.clickAndLoad("reset:submit");
        browser.waitForText("Your new password is set, and you are signed in.");

        browser.driver().get(link);
        browser.waitForText("This link can no longer be used");
    }
}
