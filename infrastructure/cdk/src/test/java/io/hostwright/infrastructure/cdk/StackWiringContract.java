package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.HttpRoute;
import io.hostwright.manifest.IndexSpec;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.QueueSpec;
import io.hostwright.manifest.ResourceNames;
import io.hostwright.manifest.TableAccess;
import io.hostwright.manifest.TableSpec;
import io.hostwright.manifest.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.hostwright.infrastructure.cdk.SynthesizedTemplate.asList;
import static io.hostwright.infrastructure.cdk.SynthesizedTemplate.getAtt;
import static io.hostwright.infrastructure.cdk.SynthesizedTemplate.number;
import static io.hostwright.infrastructure.cdk.SynthesizedTemplate.ref;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wiring every Hostwright stack must have, checked against the definition it was built from (never against
 * hard-coded counts). Subclasses pick the definition; the stack is synthesized once per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StackWiringContract {

    private static final Set<String> TABLE_WRITES = Set.of(
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
            "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete", "dynamodb:*");

    protected StackDefinition definition;
    protected HostwrightStack stack;
    protected SynthesizedTemplate template;
    protected List<String> nagErrors;
    private Path workDirectory;

    abstract StackDefinition definition();

    @BeforeAll
    void synthesize() throws IOException {
        workDirectory = Files.createTempDirectory("hostwright-cdk-test");
        definition = definition();
        App app = TestApps.app(workDirectory.resolve("cdk.out"), TestApps.context());
        stack = HostwrightCdkApp.addStack(app, definition, TestFunctionCode.builtJarsOrPlaceholders(workDirectory));
        template = new SynthesizedTemplate(stack);
        nagErrors = Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream()
                .map(message -> message.getId() + ": " + message.getEntry().getData())
                .toList();
    }

    @AfterAll
    void deleteWorkDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(workDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void cdkNagFindsNoErrors() {
        assertThat(nagErrors).isEmpty();
    }

    // ---- queues

    @Test
    @SuppressWarnings("unchecked")
    void everyQueueRedrivesToItsOwnDeadLetterQueue() {
        Set<String> deadLetterQueues = new HashSet<>();
        for (QueueSpec spec : definition.queues()) {
            Map<String, Object> queue = template.properties(queueId(spec.name()));
            Map<String, Object> redrive = (Map<String, Object>) queue.get("RedrivePolicy");
            assertThat(redrive).as("redrive policy of %s", spec.name()).isNotNull();
            assertThat(number(redrive.get("maxReceiveCount"))).isEqualTo(spec.maxReceiveCount());
            Map<String, Object> target = (Map<String, Object>) redrive.get("deadLetterTargetArn");
            String deadLetterId = ((List<String>) target.get("Fn::GetAtt")).get(0);
            assertThat(template.resource(deadLetterId).get("Type")).isEqualTo("AWS::SQS::Queue");
            assertThat(deadLetterQueues.add(deadLetterId)).as("%s shares its dead-letter queue", spec.name()).isTrue();
            assertThat(number(queue.get("MessageRetentionPeriod"))).isEqualTo(spec.retention().toSeconds());
        }
    }

    @Test
    void queueVisibilityCoversSixConsumerTimeouts() {
        for (QueueSpec spec : definition.queues()) {
            long visibility = number(template.properties(queueId(spec.name())).get("VisibilityTimeout"));
            assertThat(visibility).as("visibility of %s", spec.name())
                    .isEqualTo(definition.visibilityTimeout(spec.name()).toSeconds());
            definition.consumerOf(spec.name()).ifPresent(consumer ->
                    assertThat(visibility).as("visibility of %s", spec.name())
                            .isGreaterThanOrEqualTo(6 * consumer.timeout().toSeconds()));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFifoQueueAndItsDeadLetterQueueAreFifoAndTheOthersAreNot() {
        for (QueueSpec spec : definition.queues()) {
            Map<String, Object> queue = template.properties(queueId(spec.name()));
            assertThat(queue.get("FifoQueue")).as("FifoQueue of %s", spec.name()).isEqualTo(spec.fifo() ? true : null);
            String deadLetterId = ((List<String>) ((Map<String, Object>) ((Map<String, Object>) queue
                    .get("RedrivePolicy")).get("deadLetterTargetArn")).get("Fn::GetAtt")).get(0);
            assertThat(template.properties(deadLetterId).get("FifoQueue")).as("FifoQueue of %s's dead letters",
                    spec.name()).isEqualTo(spec.fifo() ? true : null);
        }
    }

    @Test
    void everyQueueIsEncryptedAndRefusesPlainHttp() {
        Map<String, Map<String, Object>> policies = template.ofType("AWS::SQS::QueuePolicy");
        for (String queueId : template.ofType("AWS::SQS::Queue").keySet()) {
            assertThat(template.properties(queueId).get("SqsManagedSseEnabled")).as(queueId).isEqualTo(true);
            boolean tlsOnly = policies.values().stream()
                    .filter(policy -> asList(policy.get("Queues")).contains(ref(queueId)))
                    .anyMatch(policy -> policy.toString().contains("aws:SecureTransport=false")
                            && policy.toString().contains("Effect=Deny"));
            assertThat(tlsOnly).as("%s denies requests without TLS", queueId).isTrue();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDeadLetterQueueRaisesAnOpsAlarm() {
        Set<String> deadLetterIds = new HashSet<>();
        template.ofType("AWS::SQS::Queue").values().forEach(queue -> {
            if (queue.get("RedrivePolicy") instanceof Map<?, ?> redrive) {
                deadLetterIds.add(((List<String>) ((Map<String, Object>) redrive.get("deadLetterTargetArn")).get("Fn::GetAtt")).get(0));
            }
        });
        template.ofType("AWS::Events::Rule").values().forEach(rule -> {
            for (Object target : asList(rule.get("Targets"))) {
                if (((Map<String, Object>) target).get("DeadLetterConfig") instanceof Map<?, ?> config) {
                    deadLetterIds.add(((List<String>) ((Map<String, Object>) config.get("Arn")).get("Fn::GetAtt")).get(0));
                }
            }
        });
        assertThat(deadLetterIds).hasSizeGreaterThanOrEqualTo(definition.queues().size());
        String topicId = template.logicalId(stack.alarms().topic());
        Map<String, Map<String, Object>> alarms = template.ofType("AWS::CloudWatch::Alarm");
        for (String deadLetterId : deadLetterIds) {
            assertThat(alarms.values()).as("alarm on %s", deadLetterId).anySatisfy(alarm -> {
                assertThat(alarm.get("MetricName")).isEqualTo("ApproximateNumberOfMessagesVisible");
                assertThat(alarm.get("Dimensions").toString()).contains(getAtt(deadLetterId, "QueueName").toString());
                assertThat(number(alarm.get("Threshold"))).isZero();
                assertThat(alarm.get("ComparisonOperator")).isEqualTo("GreaterThanThreshold");
                assertThat(asList(alarm.get("AlarmActions"))).contains(ref(topicId));
            });
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyQueueTriggerReportsBatchItemFailures() {
        Map<String, Map<String, Object>> mappings = template.ofType("AWS::Lambda::EventSourceMapping");
        List<FunctionSpec> consumers = functionsTriggeredBy(Trigger.Queue.class);
        assertThat(mappings).hasSize(consumers.size());
        mappings.forEach((id, mapping) ->
                assertThat(mapping.get("FunctionResponseTypes")).as(id).isEqualTo(List.of("ReportBatchItemFailures")));
        for (FunctionSpec consumer : consumers) {
            Trigger.Queue trigger = (Trigger.Queue) consumer.trigger();
            Map<String, Object> mapping = mappings.values().stream()
                    .filter(m -> m.get("FunctionName").equals(ref(functionId(consumer))))
                    .findFirst().orElseThrow(() -> new AssertionError("no event source for " + consumer.name()));
            assertThat(mapping.get("EventSourceArn")).isEqualTo(getAtt(queueId(trigger.queue()), "Arn"));
            assertThat(number(mapping.get("BatchSize"))).isEqualTo(trigger.batchSize());
            assertThat(number(((Map<String, Object>) mapping.get("ScalingConfig")).get("MaximumConcurrency")))
                    .isEqualTo(trigger.maxConcurrency());
            if (trigger.maxBatchingWindow().isZero()) {
                assertThat(mapping).doesNotContainKey("MaximumBatchingWindowInSeconds");
            } else {
                assertThat(number(mapping.get("MaximumBatchingWindowInSeconds")))
                        .isEqualTo(trigger.maxBatchingWindow().toSeconds());
            }
        }
    }

    // ---- HTTP API

    @Test
    @SuppressWarnings("unchecked")
    void routesFollowTheirAccessAndReachTheirFunction() {
        Map<String, Map<String, Object>> routes = template.ofType("AWS::ApiGatewayV2::Route");
        String authorizerId = single("AWS::ApiGatewayV2::Authorizer");
        int expected = 0;
        for (FunctionSpec function : functionsTriggeredBy(Trigger.HttpApi.class)) {
            for (HttpRoute route : ((Trigger.HttpApi) function.trigger()).routes()) {
                expected++;
                Map<String, Object> resource = routes.values().stream()
                        .filter(r -> route.routeKey().equals(r.get("RouteKey")))
                        .findFirst().orElseThrow(() -> new AssertionError("no route " + route.routeKey()));
                if (route.access().needsToken()) {
                    assertThat(resource.get("AuthorizationType")).as(route.routeKey()).isEqualTo("JWT");
                    assertThat(resource.get("AuthorizerId")).as(route.routeKey()).isEqualTo(ref(authorizerId));
                } else {
                    assertThat(resource.get("AuthorizationType")).as(route.routeKey()).isEqualTo("NONE");
                    assertThat(resource).as(route.routeKey()).doesNotContainKey("AuthorizerId");
                }
                Object scopes = resource.get("AuthorizationScopes");
                if (route.access().requiredScope() == null) {
                    assertThat(scopes).as(route.routeKey()).isNull();
                } else {
                    assertThat(scopes).as(route.routeKey()).isEqualTo(List.of(route.access().requiredScope()));
                }
                List<Object> target = (List<Object>) ((List<Object>) ((Map<String, Object>) resource.get("Target")).get("Fn::Join")).get(1);
                String integrationId = ((Map<String, String>) target.get(1)).get("Ref");
                assertThat(template.properties(integrationId).get("IntegrationUri")).as(route.routeKey())
                        .isEqualTo(getAtt(functionId(function), "Arn"));
            }
        }
        assertThat(routes).hasSize(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jwtAuthorizerTrustsTheContextsIssuerAndAudience() {
        Map<String, Object> authorizer = template.properties(single("AWS::ApiGatewayV2::Authorizer"));
        assertThat(authorizer.get("AuthorizerType")).isEqualTo("JWT");
        assertThat(authorizer.get("IdentitySource")).isEqualTo(List.of("$request.header.Authorization"));
        Map<String, Object> jwt = (Map<String, Object>) authorizer.get("JwtConfiguration");
        assertThat(jwt.get("Issuer")).isEqualTo(TestApps.ISSUER);
        assertThat(jwt.get("Audience")).isEqualTo(List.of(TestApps.AUDIENCE));
    }

    @Test
    @SuppressWarnings("unchecked")
    void defaultStageIsThrottledAndLogged() {
        Map<String, Object> stage = template.properties(single("AWS::ApiGatewayV2::Stage"));
        assertThat(stage.get("StageName")).isEqualTo("$default");
        Map<String, Object> throttle = (Map<String, Object>) stage.get("DefaultRouteSettings");
        assertThat(number(throttle.get("ThrottlingRateLimit"))).isPositive();
        assertThat(number(throttle.get("ThrottlingBurstLimit"))).isPositive();
        assertThat(stage).containsKey("AccessLogSettings");
    }

    // ---- table

    @Test
    @SuppressWarnings("unchecked")
    void tableIsRetainedRecoverableAndExpiresItems() {
        TableSpec spec = definition.table();
        String tableId = template.logicalId(stack.table().table());
        assertThat(template.resource(tableId).get("DeletionPolicy")).isEqualTo("Retain");
        Map<String, Object> table = template.properties(tableId);
        assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.get("PointInTimeRecoverySpecification")).isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
        assertThat(table.get("TimeToLiveSpecification"))
                .isEqualTo(Map.of("AttributeName", spec.ttlAttribute(), "Enabled", true));
        assertThat(table.get("KeySchema")).isEqualTo(List.of(
                Map.of("AttributeName", spec.partitionKey(), "KeyType", "HASH"),
                Map.of("AttributeName", spec.sortKey(), "KeyType", "RANGE")));
        List<Map<String, Object>> indexes = (List<Map<String, Object>>) table.get("GlobalSecondaryIndexes");
        assertThat(indexes).hasSameSizeAs(spec.indexes());
        for (IndexSpec index : spec.indexes()) {
            assertThat(indexes).as(index.name()).anySatisfy(gsi -> {
                assertThat(gsi.get("IndexName")).isEqualTo(index.name());
                assertThat(gsi.get("KeySchema")).isEqualTo(List.of(
                        Map.of("AttributeName", index.partitionKey(), "KeyType", "HASH"),
                        Map.of("AttributeName", index.sortKey(), "KeyType", "RANGE")));
                assertThat(gsi.get("Projection")).isEqualTo(Map.of("ProjectionType", "ALL"));
            });
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void credentialsAreEncryptedWithTheirOwnKeyAndReadableOnlyByTheFunctionsThatNeedThem() {
        String tableId = template.logicalId(stack.credentials().table());
        String keyId = template.logicalId(stack.credentials().key());
        assertThat(template.resource(tableId).get("DeletionPolicy")).isEqualTo("Retain");
        Map<String, Object> sse = (Map<String, Object>) template.properties(tableId).get("SSESpecification");
        assertThat(sse).containsEntry("SSEEnabled", true).containsEntry("SSEType", "KMS")
                .containsEntry("KMSMasterKeyId", getAtt(keyId, "Arn"));
        assertThat(template.properties(keyId).get("EnableKeyRotation")).isEqualTo(true);
        for (FunctionSpec spec : definition.functions()) {
            Object table = getAtt(tableId, "Arn");
            List<Object> readable = template.resourcesGranted(roleId(spec), "dynamodb:GetItem");
            List<Object> writable = template.resourcesGranted(roleId(spec), "dynamodb:DeleteItem");
            List<Object> decryptable = template.resourcesGranted(roleId(spec), "kms:Decrypt");
            switch (spec.credentialAccess()) {
                case NONE -> {
                    assertThat(readable).as(spec.name()).doesNotContain(table);
                    assertThat(decryptable).as(spec.name()).isEmpty();
                }
                case READ -> {
                    assertThat(readable).as(spec.name()).contains(table);
                    assertThat(writable).as(spec.name()).doesNotContain(table);
                    assertThat(decryptable).as(spec.name()).containsExactly(getAtt(keyId, "Arn"));
                }
                case READ_WRITE -> {
                    assertThat(readable).as(spec.name()).contains(table);
                    assertThat(writable).as(spec.name()).contains(table);
                    assertThat(decryptable).as(spec.name()).containsExactly(getAtt(keyId, "Arn"));
                }
            }
        }
        assertThat(definition.functions()).filteredOn(f -> f.trigger() instanceof io.hostwright.manifest.Trigger.HttpApi)
                .as("no API function may read customer credentials")
                .allSatisfy(f -> assertThat(f.credentialAccess()).isEqualTo(TableAccess.NONE));
    }

    // ---- functions

    @Test
    @SuppressWarnings("unchecked")
    void everyFunctionRunsItsHandlerOnJava21WithTheManifestsEnvironment() {
        assertThat(template.ofType("AWS::Lambda::Function")).hasSize(definition.functions().size());
        for (FunctionSpec spec : definition.functions()) {
            Map<String, Object> function = template.properties(functionId(spec));
            assertThat(function.get("Runtime")).as(spec.name()).isEqualTo("java21");
            assertThat(function.get("Handler")).as(spec.name()).isEqualTo(spec.handler());
            assertThat(function.get("Architectures")).as(spec.name()).isEqualTo(List.of("arm64"));
            assertThat(number(function.get("MemorySize"))).as(spec.name()).isEqualTo(spec.memoryMb());
            assertThat(number(function.get("Timeout"))).as(spec.name()).isEqualTo(spec.timeout().toSeconds());
            Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>) function.get("Environment")).get("Variables");
            Set<String> expectedKeys = new HashSet<>(Manifest.environmentFor(spec, new PlaceholderNames()).keySet());
            expectedKeys.add("JAVA_TOOL_OPTIONS");
            assertThat(variables.keySet()).as(spec.name()).isEqualTo(expectedKeys);
            if (spec.tableAccess() != TableAccess.NONE) {
                assertThat(variables.get(Manifest.TABLE_VARIABLE)).isEqualTo(ref(template.logicalId(stack.table().table())));
            }
            if (spec.credentialAccess() != TableAccess.NONE) {
                assertThat(variables.get(Manifest.CREDENTIALS_TABLE_VARIABLE))
                        .isEqualTo(ref(template.logicalId(stack.credentials().table())));
            }
            for (String queue : spec.sendsTo()) {
                assertThat(variables.get(definition.queue(queue).urlVariable())).isEqualTo(ref(queueId(queue)));
            }
            Map<String, Object> logging = (Map<String, Object>) function.get("LoggingConfig");
            assertThat(logging.get("LogFormat")).isEqualTo("JSON");
            String logGroupId = ((Map<String, String>) logging.get("LogGroup")).get("Ref");
            assertThat(number(template.properties(logGroupId).get("RetentionInDays"))).isEqualTo(30);
        }
    }

    @Test
    void rolesCarryNoManagedPolicies() {
        for (FunctionSpec spec : definition.functions()) {
            assertThat(template.properties(roleId(spec))).as(spec.name()).doesNotContainKey("ManagedPolicyArns");
        }
    }

    @Test
    void tablePermissionsFollowTableAccess() {
        for (FunctionSpec spec : definition.functions()) {
            Set<String> actions = template.actionsOf(roleId(spec));
            Set<String> tableActions = actions.stream().filter(a -> a.startsWith("dynamodb:")).collect(Collectors.toSet());
            switch (spec.tableAccess()) {
                case NONE -> assertThat(tableActions).as(spec.name()).isEmpty();
                case READ -> assertThat(tableActions).as(spec.name())
                        .contains("dynamodb:GetItem", "dynamodb:Query").doesNotContainAnyElementsOf(TABLE_WRITES);
                case READ_WRITE -> assertThat(tableActions).as(spec.name())
                        .contains("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem");
            }
        }
    }

    @Test
    void functionsMaySendOnlyToTheQueuesTheyNamed() {
        for (FunctionSpec spec : definition.functions()) {
            Set<Object> granted = new HashSet<>(template.resourcesGranted(roleId(spec), "sqs:SendMessage"));
            Set<Object> expected = spec.sendsTo().stream()
                    .map(queue -> (Object) getAtt(queueId(queue), "Arn")).collect(Collectors.toSet());
            assertThat(granted).as(spec.name()).isEqualTo(expected);
        }
    }

    @Test
    void onlyMailSendersMaySendMailAndOnlyThroughTheIdentityAndConfigurationSet() {
        for (FunctionSpec spec : definition.functions()) {
            Set<String> sesActions = template.actionsOf(roleId(spec)).stream()
                    .filter(a -> a.startsWith("ses:")).collect(Collectors.toSet());
            if (!spec.sendsMail()) {
                assertThat(sesActions).as(spec.name()).isEmpty();
                continue;
            }
            assertThat(sesActions).as(spec.name()).containsExactlyInAnyOrder("ses:SendEmail", "ses:SendRawEmail");
            List<Object> resources = template.resourcesGranted(roleId(spec), "ses:SendEmail");
            assertThat(resources).as(spec.name()).hasSize(2);
            String identityId = single("AWS::SES::EmailIdentity");
            String configurationSetId = single("AWS::SES::ConfigurationSet");
            assertThat(resources.toString()).contains(ref(identityId).toString()).contains(ref(configurationSetId).toString())
                    .doesNotContain("*");
        }
    }

    // ---- schedules

    @Test
    @SuppressWarnings("unchecked")
    void everyScheduleFiresItsFunctionWithRetriesAndADeadLetterQueue() {
        Map<String, Map<String, Object>> rules = template.ofType("AWS::Events::Rule");
        List<FunctionSpec> scheduled = functionsTriggeredBy(Trigger.Schedule.class);
        assertThat(rules).hasSize(scheduled.size() + functionsTriggeredBy(Trigger.Events.class).size());
        for (FunctionSpec spec : scheduled) {
            String expression = ((Trigger.Schedule) spec.trigger()).expression();
            assertThat(rules.values()).as(spec.name()).anySatisfy(rule -> {
                assertThat(rule.get("ScheduleExpression")).isEqualTo(expression);
                assertFiresWithRetriesAndADeadLetterQueue(rule, spec);
            });
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFunctionOfEventsHasARuleMatchingItsSourceAndDetailTypesWithRetriesAndADeadLetterQueue() {
        Map<String, Map<String, Object>> rules = template.ofType("AWS::Events::Rule");
        for (FunctionSpec spec : functionsTriggeredBy(Trigger.Events.class)) {
            Trigger.Events events = (Trigger.Events) spec.trigger();
            assertThat(rules.values()).as(spec.name()).filteredOn(rule -> rule.containsKey("EventPattern"))
                    .anySatisfy(rule -> {
                Map<String, Object> pattern = (Map<String, Object>) rule.get("EventPattern");
                assertThat(pattern.get("source")).isEqualTo(List.of(events.source()));
                assertThat(pattern.get("detail-type")).isEqualTo(events.detailTypes());
                assertFiresWithRetriesAndADeadLetterQueue(rule, spec);
            });
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConfigurationSetPublishesSesSendEventsToTheDefaultBusWhenMailIsSent() {
        if (definition.functions().stream().noneMatch(FunctionSpec::sendsMail)) {
            return;
        }
        Map<String, Map<String, Object>> destinations = template.ofType("AWS::SES::ConfigurationSetEventDestination");
        assertThat(destinations.values()).singleElement().satisfies(destination -> {
            Map<String, Object> props = (Map<String, Object>) destination.get("EventDestination");
            assertThat(props.get("MatchingEventTypes")).isEqualTo(List.of("send"));
            assertThat(props.get("Enabled")).isEqualTo(true);
            assertThat(props.get("EventBridgeDestination").toString()).contains("event-bus/default");
        });
    }

    // ---- helpers

    @SuppressWarnings("unchecked")
    private void assertFiresWithRetriesAndADeadLetterQueue(Map<String, Object> rule, FunctionSpec spec) {
        Map<String, Object> target = (Map<String, Object>) asList(rule.get("Targets")).get(0);
        assertThat(target.get("Arn")).isEqualTo(getAtt(functionId(spec), "Arn"));
        assertThat(target).containsKeys("RetryPolicy", "DeadLetterConfig");
    }

    protected String functionId(FunctionSpec spec) {
        return template.logicalId(stack.functions().function(spec.name()));
    }

    protected String roleId(FunctionSpec spec) {
        return template.logicalId(stack.functions().function(spec.name()).getRole());
    }

    protected String queueId(String queue) {
        return template.logicalId(stack.queues().queue(queue));
    }

    protected List<FunctionSpec> functionsTriggeredBy(Class<? extends Trigger> trigger) {
        return definition.functions().stream().filter(f -> trigger.isInstance(f.trigger())).toList();
    }

    protected String single(String type) {
        Set<String> ids = template.ofType(type).keySet();
        assertThat(ids).as(type).hasSize(1);
        return ids.iterator().next();
    }

    /** Only the environment's keys matter here; values are CloudFormation references checked separately. */
    private static final class PlaceholderNames implements ResourceNames {
        @Override
        public String tableName() {
            return "table";
        }

        @Override
        public String credentialsTableName() {
            return "credentials";
        }

        @Override
        public String queueUrl(String queueName) {
            return "queue";
        }

        @Override
        public String mailFrom() {
            return "mail";
        }

        @Override
        public String mailConfigurationSet() {
            return "set";
        }
    }
}
