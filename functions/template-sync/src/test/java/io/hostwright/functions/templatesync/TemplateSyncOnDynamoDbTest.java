package io.hostwright.functions.templatesync;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.hostwright.backends.tenantos.TenantOsBackend;
import io.hostwright.backends.tenantos.http.HttpTenantOsApi;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.template.ConnectionTemplate;
import io.hostwright.domain.template.SyncRequest;
import io.hostwright.domain.template.SyncRun;
import io.hostwright.domain.template.SyncTemplates;
import io.hostwright.domain.template.TemplateState;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.dynamodb.DynamoDbConnectionTemplates;
import io.hostwright.dynamodb.DynamoDbStockLevels;
import io.hostwright.dynamodb.DynamoDbSyncRuns;
import io.hostwright.emulators.DynamoDbWrites;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import io.hostwright.lambda.InvocationContext;
import io.hostwright.manifest.Manifest;
import io.hostwright.simulator.tenantos.Seed;
import io.hostwright.simulator.tenantos.SimulatorConfig;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import io.hostwright.sqs.SqsMailQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync on DynamoDB Local against the TenantOS simulator, through the production wiring: what it writes is counted
 * call by call, and the back-end is changed through the simulator's own control API between runs.
 */
@ExtendWith(LocalAwsExtension.class)
class TemplateSyncOnDynamoDbTest {

    private final String connectionId = "tos-" + UUID.randomUUID().toString().substring(0, 8);
    private final String productId = "ded-" + UUID.randomUUID().toString().substring(0, 8);
    private final DynamoDbWrites writes = new DynamoDbWrites();
    private TenantOsSimulator tenantOs;
    private LocalAws aws;
    private DynamoDbClient counted;
    private SyncTemplates sync;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        tenantOs = TenantOsSimulator.start(SimulatorConfig.forTests());
        counted = writes.client(aws);
        new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName()).saveConnection(connection(connectionId,
                tenantOs.baseUrl()));
        new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName()).saveProduct(product());
        sync = sync(counted);
        aws.purgeQueues();
    }

    @AfterEach
    void stop() {
        counted.close();
        tenantOs.close();
    }

    private SyncTemplates sync(DynamoDbClient dynamo) {
        return TemplateSyncWiring.sync(dynamo, aws.tableName(), new SqsMailQueue(aws.sqs(),
                        aws.queueUrl(Manifest.MAIL_QUEUE)), ref -> tenantOs.apiKey(),
                List.of(TenantOsBackend.FACTORY), Clock.systemUTC());
    }

    private static Connection connection(String id, String baseUrl) {
        return new Connection(id, TenantOsBackend.NAME, "TenantOS", baseUrl, "env:KEY", "noc@example.test",
                Map.of("stockOwnerUserId", 1));
    }

    private Product product() {
        return new Product(productId, "Dedicated E-2388G", "", ServiceType.DEDICATED, TenantOsBackend.NAME,
                connectionId, null, List.of(), List.of(), Map.of(BillingCycle.MONTHLY, new Price("EUR", 8900)),
                Map.of("matchTags", List.of("forRent", "e2388g"), "roleId", 3,
                        "lifecycle", Map.of("terminationProfileId", 90)),
                true, 0, 2, List.of());
    }

    private SyncRun run() {
        return sync.run(connectionId, "run_" + System.nanoTime(), SyncRun.SCHEDULE).orElseThrow();
    }

    private List<ConnectionTemplate> templates() {
        return new DynamoDbConnectionTemplates(aws.dynamoDb(), aws.tableName()).list(connectionId);
    }

    private List<String> offered() {
        return new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName()).findProduct(productId).orElseThrow()
                .osTemplates().stream().map(OsTemplate::id).toList();
    }

    @Test
    void theFirstSyncFindsTheProfilesAndTheStockAndANoOpSyncWritesOnlyItsRun() {
        SyncRun first = run();

        assertThat(first.status()).as(String.valueOf(first.error())).isEqualTo(SyncRun.Status.SUCCEEDED);
        assertThat(first.added()).isEqualTo(4);
        assertThat(templates()).extracting(ConnectionTemplate::internalName)
                .containsExactly("profile-12", "profile-13", "profile-14", "profile-15");
        assertThat(offered()).containsExactly("profile-12", "profile-13", "profile-14", "profile-15");
        assertThat(first.stock()).containsEntry(productId, 4);
        assertThat(new DynamoDbStockLevels(aws.dynamoDb(), aws.tableName()).find(productId))
                .hasValueSatisfying(level -> assertThat(level.available()).isEqualTo(4));
        assertThat(writes.byKind()).containsEntry("TEMPLATE", 4).containsEntry("STOCK", 1)
                .containsEntry("SYNCRUN", 1);
        writes.reset();

        SyncRun second = run();

        assertThat(second.unchanged()).isEqualTo(4);
        assertThat(writes.byKind()).as("a run that finds no change writes only its own record")
                .isEqualTo(Map.of("SYNCRUN", 1));
    }

    @Test
    void aChangeCostsOneConditionalWritePerTemplateChanged() {
        run();
        tenantOs.removeProfile(15);
        tenantOs.renameProfile(13, "Ubuntu 24.04.1 LTS");
        tenantOs.addProfile(new Seed.Profile(16, "Rocky Linux 9", List.of("linux"), false));
        writes.reset();

        SyncRun run = run();

        assertThat(run).extracting(SyncRun::added, SyncRun::updated, SyncRun::removed, SyncRun::unchanged)
                .containsExactly(1, 1, 1, 2);
        assertThat(writes.byKind()).isEqualTo(Map.of("TEMPLATE", 3, "SYNCRUN", 1));
        assertThat(templates()).filteredOn(t -> t.internalName().equals("profile-15")).singleElement()
                .satisfies(t -> assertThat(t.state()).isEqualTo(TemplateState.GONE_UPSTREAM));
        assertThat(offered()).containsExactly("profile-12", "profile-13", "profile-14", "profile-16");
    }

    @Test
    void stockFallingBelowTheThresholdIsMailedOnce() {
        run();
        long customer = new HttpTenantOsApi(tenantOs.baseUrl(), tenantOs.apiKey())
                .createUser("Ada", "ada", "ada@example.test", "pw-" + UUID.randomUUID(), 3).id();
        for (long server : List.of(101L, 102L, 103L)) {
            tenantOs.reassign(server, customer);
        }

        run();
        run();

        List<Message> mails = drain(Manifest.MAIL_QUEUE);
        assertThat(mails).filteredOn(m -> m.body().contains("stock-low#")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains(productId).contains("\"stock\":\"1\""));
    }

    @Test
    void twoRunsRacingOnOneConnectionEndAsOneRunAndWriteEachTemplateOnce() throws Exception {
        run();
        tenantOs.removeProfile(15);
        tenantOs.removeProfile(14);
        tenantOs.renameProfile(12, "Debian 12.8");
        for (int id = 20; id < 30; id++) {
            tenantOs.addProfile(new Seed.Profile(id, "Image " + id, List.of("linux"), false));
        }
        writes.reset();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SyncRun>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            SyncTemplates racer = sync(counted);
            String runId = "run_race_" + i + "_" + System.nanoTime();
            runs.add(pool.submit(() -> {
                start.await();
                return racer.run(connectionId, runId, SyncRun.SCHEDULE).orElseThrow();
            }));
        }
        start.countDown();
        SyncRun a = runs.get(0).get();
        SyncRun b = runs.get(1).get();
        pool.shutdown();

        assertThat(a.added() + b.added()).isEqualTo(10);
        assertThat(a.removed() + b.removed()).isEqualTo(2);
        assertThat(a.updated() + b.updated()).isEqualTo(1);
        assertThat(templates()).hasSize(14);
        assertThat(offered()).hasSize(12).contains("profile-12", "profile-13", "profile-20", "profile-29");
        // every template change is applied once; a racer's lost conditional writes cost at most one attempt each
        assertThat(writes.byKind().get("TEMPLATE")).isBetween(13, 26);
        writes.reset();
        assertThat(run().unchanged()).isEqualTo(14);
        assertThat(writes.byKind()).isEqualTo(Map.of("SYNCRUN", 1));
    }

    @Test
    void aBackEndDownForOneConnectionOfTwoFailsOnlyThatOnesRun() {
        String down = "down-" + UUID.randomUUID().toString().substring(0, 8);
        new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName())
                .saveConnection(connection(down, "http://127.0.0.1:9"));
        SqsTemplateSyncHandler handler = new SqsTemplateSyncHandler(sync);
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message(new SyncRequest(down, "run_down", SyncRun.SCHEDULE)),
                message(new SyncRequest(connectionId, "run_up", SyncRun.SCHEDULE))));

        SQSBatchResponse response = handler.handleRequest(event, InvocationContext.forTest("template-sync"));

        assertThat(response.getBatchItemFailures()).as("a failed back-end is a recorded run, not a redelivery")
                .isEmpty();
        DynamoDbSyncRuns runs = new DynamoDbSyncRuns(aws.dynamoDb(), aws.tableName());
        assertThat(runs.find(down, "run_down")).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(SyncRun.Status.FAILED);
            assertThat(r.error()).contains("TenantOS");
        });
        assertThat(new DynamoDbConnectionTemplates(aws.dynamoDb(), aws.tableName()).list(down)).isEmpty();
        assertThat(runs.find(connectionId, "run_up")).hasValueSatisfying(r ->
                assertThat(r.status()).isEqualTo(SyncRun.Status.SUCCEEDED));
        assertThat(templates()).hasSize(4);
    }

    @Test
    void theThirdFailedRunInARowIsMailedOnceAndTheRecoveryOnce() {
        DynamoDbConnectionRepository connections = new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName());
        connections.saveConnection(connection(connectionId, "http://127.0.0.1:9"));
        for (int i = 0; i < 4; i++) {
            assertThat(run().status()).isEqualTo(SyncRun.Status.FAILED);
        }
        assertThat(templates()).as("the catalog is left as it was").isEmpty();
        connections.saveConnection(connection(connectionId, tenantOs.baseUrl()));
        assertThat(run().status()).isEqualTo(SyncRun.Status.SUCCEEDED);
        run();

        List<Message> mails = drain(Manifest.MAIL_QUEUE);
        assertThat(mails).filteredOn(m -> m.body().contains("sync-failing#")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("\"failedRuns\":\"3\"").contains("noc@example.test"));
        assertThat(mails).filteredOn(m -> m.body().contains("sync-recovered#")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("\"failedRuns\":\"4\""));
        assertThat(new DynamoDbSyncRuns(aws.dynamoDb(), aws.tableName()).latest(connectionId, 10))
                .extracting(SyncRun::status).containsExactly(SyncRun.Status.SUCCEEDED, SyncRun.Status.SUCCEEDED,
                        SyncRun.Status.FAILED, SyncRun.Status.FAILED, SyncRun.Status.FAILED, SyncRun.Status.FAILED);
    }

    @Test
    void aMessageThatIsNoSyncRequestIsDroppedNotRedelivered() {
        SQSEvent.SQSMessage junk = new SQSEvent.SQSMessage();
        junk.setMessageId("m-junk");
        junk.setBody("{\"hello\": 1}");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(junk));

        SQSBatchResponse response = new SqsTemplateSyncHandler(sync).handleRequest(event,
                InvocationContext.forTest("template-sync"));

        assertThat(response.getBatchItemFailures()).isEmpty();
    }

    private static SQSEvent.SQSMessage message(SyncRequest request) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(Json.write(request));
        return message;
    }

    private List<Message> drain(String queue) {
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl(queue)).maxNumberOfMessages(10)).messages();
            all.addAll(batch);
        } while (!batch.isEmpty());
        return all;
    }
}
