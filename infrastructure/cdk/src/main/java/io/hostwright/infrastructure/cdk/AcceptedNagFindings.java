package io.hostwright.infrastructure.cdk;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.hostwright.manifest.FunctionSpec;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sqs.Queue;

import java.util.List;

/**
 * Every cdk-nag (AwsSolutions) finding Hostwright accepts, each on the one resource it concerns and with the reason.
 * Anything not listed here fails the synth.
 */
final class AcceptedNagFindings {

    private AcceptedNagFindings() {
    }

    static void publicRoute(HttpRoute route) {
        suppress(route, "AwsSolutions-APIG4",
                "Catalog routes are public by design (Access.PUBLIC in the manifest): the storefront lists products"
                        + " to visitors who have no account yet. They only read the catalog and are throttled by the stage.");
    }

    static void javaRuntimeIsPinned(Function function) {
        suppress(function, "AwsSolutions-L1",
                "Functions are compiled for and tested on Java 21 (maven.compiler.release 21); moving to a newer Java"
                        + " runtime is a deliberate upgrade of the whole build, not something a deploy should drift into.");
    }

    static void tableIndexesInGrant(Role role, Table table) {
        CfnElement cfnTable = (CfnElement) table.getNode().getDefaultChild();
        String tableLogicalId = Stack.of(table).resolve(cfnTable.getLogicalId()).toString();
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("Queries on the table's global secondary indexes need the index ARNs; the wildcard covers only"
                        + " this table's own indexes (<table ARN>/index/*), granted by Table.grantReadData/grantReadWriteData.")
                .appliesTo(List.of("Resource::<" + tableLogicalId + ".Arn>/index/*"))
                .build()), true);
    }

    static void backEndSecretsByPrefix(Role role) {
        // the finding names the region and account as cdk-nag renders them: a token, or the stack's concrete value
        Stack stack = Stack.of(role);
        String region = Token.isUnresolved(stack.getRegion()) ? "<AWS::Region>" : stack.getRegion();
        String account = Token.isUnresolved(stack.getAccount()) ? "<AWS::AccountId>" : stack.getAccount();
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("Back-end connections are added at run time (one API-key secret each), so the function may read"
                        + " any secret under the " + FunctionSpec.SECRET_PREFIX + " prefix, and only GetSecretValue.")
                .appliesTo(List.of("Resource::arn:<AWS::Partition>:secretsmanager:" + region + ":" + account
                        + ":secret:" + FunctionSpec.SECRET_PREFIX + "*"))
                .build()), true);
    }

    static void credentialsKeyActions(Role role) {
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("Writing the credentials table, which is encrypted with its own KMS key, needs the key's data-key"
                        + " actions; Table.grantReadWriteData names them with wildcards (GenerateDataKey*, ReEncrypt*) but"
                        + " only on that one key's ARN, granted only to the functions that set or clear credentials.")
                .appliesTo(List.of("Action::kms:GenerateDataKey*", "Action::kms:ReEncrypt*"))
                .build()), true);
    }

    static void queueIsItselfADeadLetterQueue(Queue queue) {
        suppress(queue, "AwsSolutions-SQS3",
                "This queue is the dead-letter queue of the EventBridge schedule targets; a dead-letter queue of a"
                        + " dead-letter queue would only hide failures. It is alarmed like every other dead-letter queue.");
    }

    private static void suppress(Object construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(rule).reason(reason).build()), true);
    }
}
