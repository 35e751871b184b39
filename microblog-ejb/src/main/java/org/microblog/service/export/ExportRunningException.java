package org.microblog.service.export;

import org.microblog.service.MicroblogException;

/** The person's posts are being exported already: one export at a time. */
public class ExportRunningException extends MicroblogException {
    private static final long serialVersionUID = 1L;

    public ExportRunningException() {
        super("export.running");
    }
}
