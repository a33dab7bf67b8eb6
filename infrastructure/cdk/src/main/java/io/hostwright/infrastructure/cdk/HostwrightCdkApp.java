package io.hostwright.infrastructure.cdk;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/** The CDK app {@code cdk.json} runs: the manifest's functions from the jars the reactor built, checked by cdk-nag. */
public final class HostwrightCdkApp {

    public static final String STACK_NAME = "Hostwright";

    private HostwrightCdkApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        addStack(app, StackDefinition.fromManifest(), FunctionCode.fromBuiltJars(RepositoryRoot.locate()));
        app.synth();
    }

    /** The stack as the app builds it, settings read from the app's context; tests call this with their own code. */
    public static HostwrightStack addStack(App app, StackDefinition definition, FunctionCode code) {
        DeploymentSettings settings = DeploymentSettings.fromContext(app.getNode());
        HostwrightStack stack = new HostwrightStack(app, STACK_NAME, StackProps.builder()
                .description("Hostwright: hosting automation (orders, provisioning, lifecycle, mail)")
                .env(Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(System.getenv("CDK_DEFAULT_REGION"))
                        .build())
                .build(), definition, settings, code);
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }
}
