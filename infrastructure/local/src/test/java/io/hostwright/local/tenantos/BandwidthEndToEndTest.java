package io.hostwright.local.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.backends.RegisteredBackends;
import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.usage.PollUsageBatch;
import io.hostwright.domain.usage.UsagePollRequest;
import io.hostwright.domain.usage.UsageWindows;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.functions.usagepoller.UsagePollerWiring;
import io.hostwright.local.LocalRuntime;
import io.hostwright.manifest.Manifest;
import io.hostwright.simulator.tenantos.SimulatedServer;
import io.hostwright.simulator.tenantos.SimulatorConfig;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import io.hostwright.sqs.SqsMailQueue;
import io.hostwright.sqs.SqsStepQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bandwidth polling with everything else real: a server ordered through the laptop runtime's API, traffic bursts on
 * its simulator, the customer's report over HTTP, the mails through the runtime's mailer, and the overuse action a
 * real suspend run by the runtime's lifecycle function on the simulator. Windows are five minutes long, so instead of
 * waiting for them to close the test moves the simulator's clock ahead, ten minutes and then twenty, and polls as the
 * usage poller does (its production wiring, on the runtime's table and queues) on a clock just as far ahead.
 */
@ExtendWith(LocalAwsExtension.class)
class BandwidthEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long TB = BandwidthPolicy.BYTES_PER_TB;
    /** How far the simulator's clock, and the test's polls, are ahead of the runtime's. */
    private static volatile Duration ahead = Duration.ZERO;
    private static LocalRuntime runtime;
    private TenantOsSimulator simulator;

    @BeforeAll
    static void start(LocalAws aws) {
        runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts().withSimulator(TenantOsSimulator.BACKEND,
                () -> TenantOsSimulator.start(SimulatorConfig.forTests()
                        .withClock(() -> Instant.now().plus(ahead)))), aws);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @BeforeEach
    void freshStock() {
        ahead = Duration.ZERO;
        simulator = TenantOsOrders.simulator(runtime);
        simulator.reset();
        simulator.setErrorRate(0);
    }

    @Test
    void nearAndOverTheAllowanceAreMailedOnceAndOveruseSuspendsTheServerForReal() {
        TenantOsOrders orders = new TenantOsOrders(runtime, "ryzen7950x", Duration.ofSeconds(1))
                .withBandwidth(new BandwidthPolicy(BandwidthPolicy.Metering.TOTAL, 80,
                        BandwidthPolicy.OveruseAction.SUSPEND, null, null));
        TenantOsOrders.Placed placed = orders.order("traffic.example.com", 1);
        orders.awaitService(placed, WAIT, s -> s.path("status").asText().equals("ACTIVE"));
        int ordered = orders.awaitMails(placed.email(), 3, WAIT).size();
        long serverId = simulator.userByEmail(placed.email()).flatMap(u -> simulator.servers().stream()
                .filter(s -> s.userId() != null && s.userId() == u.id()).findFirst()).map(SimulatedServer::id)
                .orElseThrow();
        String bandwidth = "/v1/services/" + placed.serviceId() + "/bandwidth";

        // 17 TB of the 20 TB the order chose: 85 %, past the 80 % warning
        simulator.addTrafficBurst(serverId, 7 * TB, 10 * TB);
        ahead = Duration.ofMinutes(10);
        pollAhead(orders, placed);
        pollAhead(orders, placed);

        JsonNode report = orders.call("GET", bandwidth, placed.token(), null, 200);
        assertThat(report.path("usedBytes").asLong()).isGreaterThanOrEqualTo(17 * TB).isLessThan(17 * TB + TB / 10);
        assertThat(report.path("includedBytes").asLong()).isEqualTo(20 * TB);
        assertThat(report.path("usedPercent").asDouble()).isBetween(85.0, 85.5);
        assertThat(report.path("overuseAction").asText()).isEqualTo("suspend");
        List<JsonNode> near = orders.awaitMails(placed.email(), ordered + 1, WAIT).subList(ordered, ordered + 1);
        assertThat(near.getFirst().path("subject").asText())
                .isEqualTo("traffic.example.com has used 85% of its bandwidth");

        // 4 TB more: over the allowance — one mail, one suspension, however often it is polled
        simulator.addTrafficBurst(serverId, 0, 4 * TB);
        ahead = Duration.ofMinutes(20);
        pollAhead(orders, placed);
        pollAhead(orders, placed);

        JsonNode suspended = orders.awaitService(placed, WAIT, s -> s.path("status").asText().equals("SUSPENDED")
                && TenantOsOrders.stepsSettled(s));
        assertThat(suspended.path("statusReason").asText()).contains("traffic over the allowance");
        String staff = orders.staffToken();
        JsonNode history = orders.await("/v1/admin/services/" + placed.serviceId(), staff, WAIT,
                h -> h.path("operations").path(0).path("status").asText().equals("SUCCEEDED"));
        assertThat(history.path("operations")).singleElement().satisfies(op -> {
            assertThat(op.path("kind").asText()).isEqualToIgnoringCase("suspend");
            assertThat(op.path("requestedBy").asText()).isEqualTo("system:bandwidth-polling");
        });
        assertThat(simulator.server(serverId).powerStatus()).as("the product suspends by powering off")
                .isEqualTo("off");
        orders.awaitQueueDrained(Manifest.MAIL_QUEUE, WAIT);
        List<String> subjects = orders.mails(placed.email()).stream().skip(ordered + 1)
                .map(m -> m.path("subject").asText()).toList();
        assertThat(subjects).as("the over-limit mail and the suspension's own, nothing twice").hasSize(2)
                .contains("traffic.example.com is over its bandwidth limit");
        JsonNode over = orders.call("GET", bandwidth, placed.token(), null, 200);
        assertThat(over.path("usedBytes").asLong()).isGreaterThan(20 * TB);
        assertThat(over.path("usedPercent").asDouble()).isGreaterThan(100.0);
    }

    /** One poll of the service as the usage poller does it, on the runtime's table and queues, at the simulator's time. */
    private static void pollAhead(TenantOsOrders orders, TenantOsOrders.Placed placed) {
        var aws = runtime.aws();
        Clock clock = Clock.offset(Clock.systemUTC(), ahead);
        PollUsageBatch batch = UsagePollerWiring.batch(aws.dynamoDb(), aws.tableName(),
                new SqsMailQueue(aws.sqs(), aws.queueUrl(Manifest.MAIL_QUEUE)),
                new SqsStepQueue(aws.sqs(), aws.queueUrl(Manifest.LIFECYCLE_QUEUE)),
                ref -> TenantOsOrders.simulator(runtime).apiKey(), RegisteredBackends.ALL, clock);
        PollUsageBatch.Result result = batch.run(new UsagePollRequest(orders.connectionId, 0,
                UsageWindows.floor(clock.instant()), List.of(placed.serviceId())));
        assertThat(result.failures()).isEmpty();
        assertThat(result.outcomes()).hasSize(1);
    }
}
