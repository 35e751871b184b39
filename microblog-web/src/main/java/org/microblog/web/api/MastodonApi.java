package org.microblog.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The client API's root, {@code /api}: every resource and provider of this package is found by scanning. */
@ApplicationPath("api")
public class MastodonApi extends Application {}
