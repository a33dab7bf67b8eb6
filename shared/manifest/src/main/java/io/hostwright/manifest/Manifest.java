package io.hostwright.manifest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.hostwright.manifest.Access.CUSTOMER;
import static io.hostwright.manifest.Access.PUBLIC;
import static io.hostwright.manifest.Access.STAFF;
import static io.hostwright.manifest.HttpRoute.delete;
import static io.hostwright.manifest.HttpRoute.get;
import static io.hostwright.manifest.HttpRoute.post;
import static io.hostwright.manifest.HttpRoute.put;

/**
 * The single description of Hostwright's functions, queues, schedules and table. The CDK app and the laptop runtime
 * both build from this class; adding a function means adding one entry here.
 */
public final class Manifest {

    public static final String TABLE_VARIABLE = "TABLE_NAME";
    public static final String CREDENTIALS_TABLE_VARIABLE = "CREDENTIALS_TABLE_NAME";
    public static final String MAIL_FROM_VARIABLE = "MAIL_FROM";
    public static final String MAIL_CONFIGURATION_SET_VARIABLE = "MAIL_CONFIGURATION_SET";

    public static final String PROVISIONING_QUEUE = "provisioning";
    public static final String MAIL_QUEUE = "mail";
    public static final String LIFECYCLE_QUEUE = "lifecycle";
    public static final String SYNC_QUEUE = "template-sync";
    public static final String USAGE_QUEUE = "usage";

    /**
     * How long a service's 5-minute traffic samples are kept after their period closed (the 95th percentile and the
     * chart of a disputed invoice); the period's totals stay.
     */
    public static final Duration USAGE_SAMPLE_RETENTION = Duration.ofDays(62);

    public static final TableSpec TABLE = new TableSpec(
            "hostwright", "pk", "sk",
            List.of(new IndexSpec("gsi1", "gsi1pk", "gsi1sk"),
                    new IndexSpec("gsi2", "gsi2pk", "gsi2sk")),
            "expiresAt");

    /**
     * Customer credentials (root passwords) of live services: kept apart from the main table, encrypted with a key of
     * their own, readable only by the functions that set, send or clear them, deleted when the service ends.
     */
    public static final TableSpec CREDENTIALS_TABLE = new TableSpec("hostwright-credentials", "pk", "sk", List.of(),
            "expiresAt");

    /** Where SES publishes its sending events on EventBridge, and the one the mail log listens to. */
    public static final String SES_EVENT_SOURCE = "aws.ses";
    public static final String SES_EMAIL_SENT = "Email Sent";

    public static final List<QueueSpec> QUEUES = List.of(
            new QueueSpec(PROVISIONING_QUEUE, "one provisioning step per message", 5, Duration.ofDays(14)),
            new QueueSpec(LIFECYCLE_QUEUE, "one step of a suspend, unsuspend, terminate or reinstall per message", 5,
                    Duration.ofDays(14)),
            new QueueSpec(MAIL_QUEUE, "lifecycle e-mails to render and send", 5, Duration.ofDays(4)),
            new QueueSpec(SYNC_QUEUE, "one OS-template and stock sync of one connection per message", 3,
                    Duration.ofDays(1)),
            new QueueSpec(USAGE_QUEUE, "traffic polls of up to 25 services of one connection per message, one message"
                    + " per lane (connection and slot) at a time", 2, Duration.ofHours(1), true));

    public static final List<FunctionSpec> FUNCTIONS = List.of(
            new FunctionSpec(
                    "storefront-api",
                    "Catalog, orders and services as the storefront reads them",
                    "io.hostwright.functions.storefront.ApiGatewayStorefrontRequestHandler",
                    512, Duration.ofSeconds(10),
                    new Trigger.HttpApi(List.of(
                            get("/v1/catalog/products", PUBLIC),
                            get("/v1/catalog/products/{productId}", PUBLIC),
                            get("/v1/orders/{orderId}", CUSTOMER),
                            get("/v1/services", CUSTOMER),
                            get("/v1/services/{serviceId}", CUSTOMER),
                            get("/v1/services/{serviceId}/bandwidth", CUSTOMER))),
                    TableAccess.READ, Set.of(), false, Map.of()),
            new FunctionSpec(
                    "order-acceptance",
                    "Validates an order against the catalog, writes order and service, starts provisioning",
                    "io.hostwright.functions.orders.ApiGatewayPlaceOrderRequestHandler",
                    512, Duration.ofSeconds(15),
                    new Trigger.HttpApi(List.of(post("/v1/orders", CUSTOMER))),
                    TableAccess.READ_WRITE, Set.of(PROVISIONING_QUEUE, MAIL_QUEUE), false, Map.of()),
            new FunctionSpec(
                    "order-dispatch-sweeper",
                    "Re-sends the first message of orders and operations whose dispatch was interrupted",
                    "io.hostwright.functions.sweeper.ScheduledOrderDispatchSweepHandler",
                    512, Duration.ofSeconds(60),
                    new Trigger.Schedule("rate(5 minutes)", "re-dispatch accepted orders and operations left undispatched"),
                    TableAccess.READ_WRITE, Set.of(PROVISIONING_QUEUE, LIFECYCLE_QUEUE, MAIL_QUEUE), false, Map.of()),
            new FunctionSpec(
                    "provisioning",
                    "Runs one provisioning step per message on the service's back-end, then queues what follows",
                    "io.hostwright.functions.provisioning.SqsProvisioningStepHandler",
                    512, Duration.ofSeconds(60),
                    new Trigger.Queue(PROVISIONING_QUEUE, 5, Duration.ZERO, 10),
                    TableAccess.READ_WRITE, Set.of(PROVISIONING_QUEUE, MAIL_QUEUE), false, Map.of(), true,
                    TableAccess.READ_WRITE),
            new FunctionSpec(
                    "lifecycle",
                    "Runs one step of a suspend, unsuspend, terminate or reinstall per message, then queues what follows",
                    "io.hostwright.functions.lifecycle.SqsLifecycleStepHandler",
                    512, Duration.ofSeconds(60),
                    new Trigger.Queue(LIFECYCLE_QUEUE, 5, Duration.ZERO, 10),
                    TableAccess.READ_WRITE, Set.of(LIFECYCLE_QUEUE, MAIL_QUEUE), false, Map.of(), true,
                    TableAccess.READ_WRITE),
            new FunctionSpec(
                    "service-admin",
                    "Staff: suspend, unsuspend and terminate services, see their operations and licence, record paid"
                            + " renewals, export metered traffic, see the licence pool",
                    "io.hostwright.functions.admin.ApiGatewayServiceAdminRequestHandler",
                    512, Duration.ofSeconds(10),
                    new Trigger.HttpApi(List.of(
                            get("/v1/admin/services/{serviceId}", STAFF),
                            post("/v1/admin/services/{serviceId}/suspend", STAFF),
                            post("/v1/admin/services/{serviceId}/unsuspend", STAFF),
                            post("/v1/admin/services/{serviceId}/terminate", STAFF),
                            post("/v1/admin/services/{serviceId}/renewals", STAFF),
                            get("/v1/admin/services/{serviceId}/operations/{operationId}", STAFF),
                            post("/v1/admin/services/{serviceId}/operations/{operationId}/abandon", STAFF),
                            get("/v1/admin/usage", STAFF),
                            get("/v1/admin/licences", STAFF))),
                    TableAccess.READ_WRITE, Set.of(LIFECYCLE_QUEUE), false, Map.of()),
            new FunctionSpec(
                    "catalog-admin",
                    "Staff: connections, products and OS templates, checked by their back-end, changed only from their last"
                            + " version; a connection's sync run now",
                    "io.hostwright.functions.catalogadmin.ApiGatewayCatalogAdminRequestHandler",
                    512, Duration.ofSeconds(20),
                    new Trigger.HttpApi(List.of(
                            get("/v1/admin/connections", STAFF),
                            post("/v1/admin/connections", STAFF),
                            get("/v1/admin/connections/{connectionId}", STAFF),
                            put("/v1/admin/connections/{connectionId}", STAFF),
                            delete("/v1/admin/connections/{connectionId}", STAFF),
                            post("/v1/admin/connections/{connectionId}/test", STAFF),
                            get("/v1/admin/connections/{connectionId}/templates", STAFF),
                            put("/v1/admin/connections/{connectionId}/templates/{templateId}", STAFF),
                            post("/v1/admin/connections/{connectionId}/sync", STAFF),
                            get("/v1/admin/connections/{connectionId}/sync-runs", STAFF),
                            get("/v1/admin/connections/{connectionId}/sync-runs/{runId}", STAFF),
                            get("/v1/admin/products", STAFF),
                            post("/v1/admin/products", STAFF),
                            get("/v1/admin/products/{productId}", STAFF),
                            put("/v1/admin/products/{productId}", STAFF),
                            delete("/v1/admin/products/{productId}", STAFF))),
                    TableAccess.READ_WRITE, Set.of(SYNC_QUEUE), false, Map.of(), true),
            new FunctionSpec(
                    "template-sync-schedule",
                    "Hourly: queues one OS-template and stock sync per connection, so no back-end waits for another",
                    "io.hostwright.functions.syncschedule.ScheduledTemplateSyncHandler",
                    512, Duration.ofSeconds(60),
                    new Trigger.Schedule("rate(1 hour)", "sync every connection's OS templates and stock"),
                    TableAccess.READ, Set.of(SYNC_QUEUE), false, Map.of()),
            new FunctionSpec(
                    "template-sync",
                    "Syncs one connection's OS templates and stock from its back-end, records the run, alerts staff",
                    "io.hostwright.functions.templatesync.SqsTemplateSyncHandler",
                    512, Duration.ofSeconds(120),
                    new Trigger.Queue(SYNC_QUEUE, 1, Duration.ZERO, 5),
                    TableAccess.READ_WRITE, Set.of(MAIL_QUEUE), false, Map.of(), true),
            new FunctionSpec(
                    "usage-planner",
                    "Every five minutes: queues traffic polls of every live service, in lanes per connection",
                    "io.hostwright.functions.usageplanner.ScheduledUsagePlannerHandler",
                    512, Duration.ofSeconds(120),
                    new Trigger.Schedule("rate(5 minutes)", "poll every live service's traffic"),
                    TableAccess.READ, Set.of(USAGE_QUEUE), false, Map.of()),
            new FunctionSpec(
                    "usage-poller",
                    "Counts the traffic of up to 25 services per message, mails thresholds, takes overuse actions",
                    "io.hostwright.functions.usagepoller.SqsUsagePollHandler",
                    512, Duration.ofSeconds(120),
                    new Trigger.Queue(USAGE_QUEUE, 1, Duration.ZERO, 20),
                    TableAccess.READ_WRITE, Set.of(LIFECYCLE_QUEUE, MAIL_QUEUE), false, Map.of(), true),
            new FunctionSpec(
                    "licence-renewal",
                    "Daily: renews the licences of active, paid services, gives back those of ended ones, reports",
                    "io.hostwright.functions.licencerenewal.ScheduledLicenceRenewalHandler",
                    512, Duration.ofMinutes(15),
                    new Trigger.Schedule("cron(0 3 * * ? *)", "renew control-panel licences running out"),
                    TableAccess.READ_WRITE, Set.of(MAIL_QUEUE), false, Map.of(), true, TableAccess.READ_WRITE),
            new FunctionSpec(
                    "server-control",
                    "Customers: their server's info, power, reinstall, rescue, console, IPs and reverse DNS, usage",
                    "io.hostwright.functions.control.ApiGatewayServerControlRequestHandler",
                    512, Duration.ofSeconds(20),
                    new Trigger.HttpApi(List.of(
                            get("/v1/services/{serviceId}/server", CUSTOMER),
                            post("/v1/services/{serviceId}/power", CUSTOMER),
                            post("/v1/services/{serviceId}/reinstall", CUSTOMER),
                            post("/v1/services/{serviceId}/resize", CUSTOMER),
                            get("/v1/services/{serviceId}/operations/{operationId}", CUSTOMER),
                            post("/v1/services/{serviceId}/rescue", CUSTOMER),
                            post("/v1/services/{serviceId}/console", CUSTOMER),
                            get("/v1/services/{serviceId}/ips", CUSTOMER),
                            put("/v1/services/{serviceId}/ips/{ip}/reverse-dns", CUSTOMER),
                            get("/v1/services/{serviceId}/usage", CUSTOMER))),
                    TableAccess.READ_WRITE, Set.of(LIFECYCLE_QUEUE), false, Map.of(), true),
            new FunctionSpec(
                    "mailer",
                    "Renders lifecycle e-mails and sends them through SES, once per service and event",
                    "io.hostwright.functions.mailer.SqsMailRequestHandler",
                    512, Duration.ofSeconds(30),
                    new Trigger.Queue(MAIL_QUEUE, 10, Duration.ZERO, 5),
                    // its own queue: a mail another delivery holds is queued again for when that claim runs out
                    TableAccess.READ_WRITE, Set.of(MAIL_QUEUE), true, Map.of(), false, TableAccess.READ),
            new FunctionSpec(
                    "mail-sent",
                    "Marks a mail sent when SES reports sending it, so a mailer that died between sending and recording"
                            + " never causes a second copy",
                    "io.hostwright.functions.mailsent.EventBridgeMailSentHandler",
                    512, Duration.ofSeconds(10),
                    new Trigger.Events(SES_EVENT_SOURCE, List.of(SES_EMAIL_SENT),
                            "SES's record of each mail sent through the configuration set"),
                    TableAccess.READ_WRITE, Set.of(), false, Map.of()));

    private Manifest() {
    }

    public static Optional<FunctionSpec> function(String name) {
        return FUNCTIONS.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public static QueueSpec queue(String name) {
        return QUEUES.stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no queue named " + name));
    }

    /** The function consuming a queue, if one does yet. */
    public static Optional<FunctionSpec> consumerOf(String queueName) {
        return consumerOf(queueName, FUNCTIONS);
    }

    /** The function of {@code functions} consuming a queue (for stacks built from another function list). */
    public static Optional<FunctionSpec> consumerOf(String queueName, List<FunctionSpec> functions) {
        return functions.stream()
                .filter(f -> f.trigger() instanceof Trigger.Queue q && q.queue().equals(queueName))
                .findFirst();
    }

    public static Duration visibilityTimeout(String queueName) {
        return visibilityTimeout(consumerOf(queueName));
    }

    /**
     * Visibility timeout of a queue: six times its consumer's timeout (AWS's advice for Lambda event sources, so a
     * batch still running is never handed to a second invocation), and at least three minutes.
     */
    public static Duration visibilityTimeout(Optional<FunctionSpec> consumer) {
        Duration floor = Duration.ofMinutes(3);
        return consumer
                .map(f -> f.timeout().multipliedBy(6))
                .filter(d -> d.compareTo(floor) > 0)
                .orElse(floor);
    }

    /** A function's full environment, resolved the same way for AWS and the laptop. */
    public static Map<String, String> environmentFor(FunctionSpec function, ResourceNames resources) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("POWERTOOLS_SERVICE_NAME", function.name());
        env.put("POWERTOOLS_METRICS_NAMESPACE", "Hostwright");
        if (function.tableAccess() != TableAccess.NONE) {
            env.put(TABLE_VARIABLE, resources.tableName());
        }
        if (function.credentialAccess() != TableAccess.NONE) {
            env.put(CREDENTIALS_TABLE_VARIABLE, resources.credentialsTableName());
        }
        for (String queue : function.sendsTo().stream().sorted().toList()) {
            env.put(queue(queue).urlVariable(), resources.queueUrl(queue));
        }
        if (function.sendsMail()) {
            env.put(MAIL_FROM_VARIABLE, resources.mailFrom());
            String set = resources.mailConfigurationSet();
            if (set != null) {
                env.put(MAIL_CONFIGURATION_SET_VARIABLE, set);
            }
        }
        env.putAll(function.environment());
        return env;
    }
}
