package org.microblog.web.editprofile;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.microblog.service.export.ExportService;
import org.microblog.web.faces.flash.FlashMessages;
import org.microblog.web.faces.flash.Redirects;
import org.microblog.web.session.CurrentUser;

/**
 * Backs the "Export my posts" card of the profile editor: starts the export and leads to {@code /export}, where its
 * progress shows. One that runs already is the service's refusal (RefusalExceptionHandler).
 */
@Named
@RequestScoped
public class ExportPostsBacking {

    @Inject
    CurrentUser currentUser;

    @Inject
    ExportService exports;

    public void start() {
        exports.start(currentUser.requireId());
        FlashMessages.add("flash.exportStarted");
        Redirects.toPath("export");
    }
}
