package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.ResourceNames;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Lambda per manifest entry, each with its own role granted exactly what the manifest says it touches, and its
 * own log group (so the role needs no account-wide logs permission).
 */
public final class FunctionsConstruct extends Construct {

    /** C1 only: shorter cold starts matter more than peak throughput for these short-lived handlers. */
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private final Map<String, Function> functions = new LinkedHashMap<>();

    public FunctionsConstruct(Construct scope, String id, StackDefinition definition, FunctionCode code,
                              ResourceNames names, TableConstruct table, CredentialsConstruct credentials,
                              QueuesConstruct queues, MailConstruct mail) {
        super(scope, id);
        for (FunctionSpec spec : definition.functions()) {
            Construct home = new Construct(this, ConstructIds.pascal(spec.name()));
            Role role = Role.Builder.create(home, "Role")
                    .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                    .description("Runs the " + spec.name() + " function")
                    .build();
            LogGroup logGroup = LogGroup.Builder.create(home, "Logs")
                    .retention(RetentionDays.ONE_MONTH)
                    .build();
            logGroup.grantWrite(role);

            Map<String, String> environment = new LinkedHashMap<>(Manifest.environmentFor(spec, names));
            environment.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
            Function function = Function.Builder.create(home, "Function")
                    .description(spec.description())
                    .runtime(Runtime.JAVA_21)
                    .architecture(Architecture.ARM_64)
                    .handler(spec.handler())
                    .code(code.codeFor(spec))
                    .memorySize(spec.memoryMb())
                    .timeout(CdkDurations.of(spec.timeout()))
                    .environment(environment)
                    .role(role)
                    .logGroup(logGroup)
                    .loggingFormat(LoggingFormat.JSON)
                    .applicationLogLevelV2(ApplicationLogLevel.INFO)
                    .systemLogLevelV2(SystemLogLevel.WARN)
                    .build();
            AcceptedNagFindings.javaRuntimeIsPinned(function);

            grantTable(spec, table.table(), role);
            // the grant extends to the table's key: no other function can decrypt a password
            switch (spec.credentialAccess()) {
                case NONE -> { }
                case READ -> credentials.table().grantReadData(role);
                case READ_WRITE -> {
                    credentials.table().grantReadWriteData(role);
                    AcceptedNagFindings.credentialsKeyActions(role);
                }
            }
            for (String queue : spec.sendsTo()) {
                queues.queue(queue).grantSendMessages(role);
            }
            if (spec.readsSecrets()) {
                role.addToPolicy(PolicyStatement.Builder.create()
                        .actions(List.of("secretsmanager:GetSecretValue"))
                        .resources(List.of(Stack.of(this).formatArn(ArnComponents.builder()
                                .service("secretsmanager").resource("secret")
                                .resourceName(FunctionSpec.SECRET_PREFIX + "*")
                                .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build())))
                        .build());
                AcceptedNagFindings.backEndSecretsByPrefix(role);
            }
            if (spec.sendsMail()) {
                mail.grantSend(role);
            }
            functions.put(spec.name(), function);
        }
    }

    public Function function(String name) {
        Function function = functions.get(name);
        if (function == null) {
            throw new IllegalArgumentException("no function named " + name);
        }
        return function;
    }

    private static void grantTable(FunctionSpec spec, Table table, Role role) {
        switch (spec.tableAccess()) {
            case NONE -> {
                return;
            }
            case READ -> table.grantReadData(role);
            case READ_WRITE -> table.grantReadWriteData(role);
        }
        AcceptedNagFindings.tableIndexesInGrant(role, table);
    }
}
