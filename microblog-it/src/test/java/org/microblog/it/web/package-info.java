/**
 * Tests of the deployed application from outside, as a client: over plain HTTP (WebClient, Crawler) and in a real
 * Chromium (Browser), against the suite's one server. Kept out of the deployment itself (MicroblogDeployment leaves
 * this package out); they see the server only through HTTP and the probe servlet.
 */
package org.microblog.it.web;
