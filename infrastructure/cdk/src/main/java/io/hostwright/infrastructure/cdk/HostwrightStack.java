package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.Trigger;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hostwright in one stack, built from a {@link StackDefinition}: table, queues with dead-letter queues and alarms,
 * functions with least-privilege roles, their queue, schedule and HTTP triggers, and SES.
 */
public class HostwrightStack extends Stack {

    private final TableConstruct table;
    private final CredentialsConstruct credentials;
    private final QueuesConstruct queues;
    private final FunctionsConstruct functions;
    private final HttpApiConstruct httpApi;
    private final OpsAlarmsConstruct alarms;

    public HostwrightStack(Construct scope, String id, StackProps props, StackDefinition definition,
                           DeploymentSettings settings, FunctionCode code) {
        super(scope, id, props);
        table = new TableConstruct(this, "Data", definition.table());
        credentials = new CredentialsConstruct(this, "Credentials", definition.credentials());
        queues = new QueuesConstruct(this, "Queues", definition);
        MailConstruct mail = definition.sendsMail() ? new MailConstruct(this, "Mail", settings.mailFromDomain()) : null;
        functions = new FunctionsConstruct(this, "Functions", definition, code,
                new DeployedResourceNames(table, credentials, queues, settings.mailFrom(), mail), table, credentials,
                queues, mail);
        QueueTriggers.connect(definition, functions, queues);
        httpApi = new HttpApiConstruct(this, "Http", definition, settings, functions);

        Map<String, IQueue> deadLetterQueues = new LinkedHashMap<>(queues.deadLetterQueues());
        if (definition.functions().stream().anyMatch(f -> f.trigger() instanceof Trigger.Schedule
                || f.trigger() instanceof Trigger.Events)) {
            SchedulesConstruct schedules = new SchedulesConstruct(this, "Schedules", definition, functions);
            deadLetterQueues.put("schedule-target-dlq", schedules.deadLetterQueue());
        }
        alarms = new OpsAlarmsConstruct(this, "Ops", settings.opsEmail());
        alarms.alarmOnMessages(deadLetterQueues);

        CfnOutput.Builder.create(this, "ApiUrl").description("Base URL of the HTTP API").value(httpApi.url()).build();
        CfnOutput.Builder.create(this, "TableName").value(table.table().getTableName()).build();
        CfnOutput.Builder.create(this, "OpsTopicArn").description("Subscribe here for dead-letter alarms")
                .value(alarms.topic().getTopicArn()).build();
    }

    public TableConstruct table() {
        return table;
    }

    public CredentialsConstruct credentials() {
        return credentials;
    }

    public QueuesConstruct queues() {
        return queues;
    }

    public FunctionsConstruct functions() {
        return functions;
    }

    public HttpApiConstruct httpApi() {
        return httpApi;
    }

    public OpsAlarmsConstruct alarms() {
        return alarms;
    }
}
