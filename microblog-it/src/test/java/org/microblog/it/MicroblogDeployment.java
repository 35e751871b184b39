package org.microblog.it;

import java.io.File;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment of the suite: the real WAR that microblog-web builds, plus this module's test
 * classes. Every IT class runs against it, in one Payara Micro. The browser and HTTP tests in
 * {@code org.microblog.it.web} run outside the server (they are clients), so they stay out of the WAR.
 */
@ArquillianSuiteDeployment
public final class MicroblogDeployment {

    private MicroblogDeployment() {}

    @Deployment
    public static WebArchive microblog() {
        File war = new File(System.getProperty("microblog.war", "target/microblog.war"));
        return ShrinkWrap.create(ZipImporter.class, "microblog.war")
                .importFrom(war)
                .as(WebArchive.class)
                .addPackages(
                        true,
                        Filters.exclude("/org/microblog/it/(web|mail)/.*"),
                        MicroblogDeployment.class.getPackage());
    }
}
