package io.hostwright.infrastructure.cdk;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

import java.nio.file.Path;
import java.util.Map;

/** Apps with context values distinct from cdk.json's, so tests see that the stack reads context. */
final class TestApps {

    static final String ISSUER = "https://issuer.hostwright.test/";
    static final String AUDIENCE = "hostwright-tests";
    static final String MAIL_FROM = "robot@mail.hostwright.test";

    private TestApps() {
    }

    static Map<String, Object> context() {
        return Map.of(
                DeploymentSettings.JWT_ISSUER, ISSUER,
                DeploymentSettings.JWT_AUDIENCE, AUDIENCE,
                DeploymentSettings.MAIL_FROM, MAIL_FROM);
    }

    static App app(Path outdir, Map<String, Object> context) {
        return new App(AppProps.builder().outdir(outdir.toString()).context(context).build());
    }
}
