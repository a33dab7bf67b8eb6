package io.hostwright.backends.tenantos.http;

import io.hostwright.backends.tenantos.InstallStatus;
import io.hostwright.backends.tenantos.IpAssignment;
import io.hostwright.backends.tenantos.PowerAction;
import io.hostwright.backends.tenantos.SwitchPort;
import io.hostwright.backends.tenantos.TenantOsApi;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.backends.tenantos.TenantOsServer;
import io.hostwright.backends.tenantos.TenantOsUser;
import io.hostwright.backends.tenantos.TrafficSample;
import io.hostwright.simulator.tenantos.NetworkTraffic;
import io.hostwright.simulator.tenantos.SimulatorConfig;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The adapter against the TenantOS simulator (infrastructure/simulators/tenantos) in the scenarios the module plays:
 * the provisioning calls in the order the module makes them, the suspend/unsuspend/terminate calls and the
 * customer's client functions end to end, and TenantOS's own refusals (422, 409). How failures are classified and
 * which calls are retried is {@link TenantOsApiContractTest}'s.
 */
class SimulatorScenariosTest {

    final TenantOsSimulator tenantOs = TenantOsSimulator.start(SimulatorConfig.forTests());
    final List<Duration> waits = new ArrayList<>();
    final TenantOsApi api = new RetryingTenantOsApi(
            new HttpTenantOsApi(tenantOs.baseUrl(), tenantOs.apiKey(), Duration.ofSeconds(1), Duration.ofSeconds(1)),
            RetryingTenantOsApi.DEFAULT_POLICY, waits::add);

    @AfterEach
    void stop() {
        tenantOs.close();
    }

    @Test
    void provisionsADedicatedServerEndToEnd() throws Exception {
        assertThat(api.findUserByEmail("ada@example.com")).isEmpty();
        TenantOsUser created = api.createUser("ada", "ada@example.com", "ada@example.com", "Init-Pw-123", 3);
        assertThat(api.findUserByEmail("ADA@example.com")).contains(created);
        assertThat(tenantOs.userByEmail("ada@example.com")).isPresent();

        List<TenantOsServer> stock = api.serversByTags(List.of("forRent", "e2388g"));
        assertThat(stock).extracting(TenantOsServer::id).contains(101L);
        TenantOsServer server = api.server(101);
        assertThat(server.cpuModel()).isEqualTo("Intel Xeon E-2388G");
        assertThat(server.busy()).isFalse();

        TenantOsServer assigned = api.updateServer(101, created.id(), "web1.example.com", List.of("e2388g", "assigned"));
        assertThat(assigned.ownerUserId()).isEqualTo(created.id());
        assertThat(tenantOs.server(101).hostname()).isEqualTo("web1.example.com");
        assertThat(tenantOs.server(101).tags()).containsExactly("e2388g", "assigned");

        assertThat(api.ipAssignments(101)).singleElement().satisfies(a -> {
            assertThat(a.primary()).isTrue();
            assertThat(a.ip()).isEqualTo("203.0.113.11");
        });
        long subnet = api.assignableSubnets(101).stream().filter(s -> s.ipv4()).findFirst().orElseThrow().id();
        String ip = api.assignableIps(101, subnet).get(0);
        IpAssignment added = api.addIpAssignment(101, subnet, ip);
        assertThat(added.ip()).isEqualTo(ip);
        assertThat(added.primary()).isFalse();
        assertThat(api.ipAssignments(101)).extracting(IpAssignment::ip).contains(ip);
        api.removeIpAssignment(101, added.id());
        assertThat(api.ipAssignments(101)).extracting(IpAssignment::ip).doesNotContain(ip);

        assertThat(api.provisioningProfiles(101)).anyMatch(p -> p.id() == 12);
        assertThat(api.installStatus(101).state()).isEqualTo(InstallStatus.State.NOT_RUNNING);
        api.startReinstallation(101, 12, "web1.example.com", "Root-Pw-456");
        assertThat(tenantOs.rootPasswordOf(101)).contains("Root-Pw-456");
        assertThat(api.server(101).reinstallationRunning()).isTrue();

        Instant deadline = Instant.now().plusSeconds(15);
        InstallStatus status = api.installStatus(101);
        while (status.state() == InstallStatus.State.RUNNING && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            status = api.installStatus(101);
        }
        assertThat(status.state()).isEqualTo(InstallStatus.State.FINISHED);
        assertThat(api.server(101).busy()).isFalse();
    }

    @Test
    void suspendsUnsuspendsAndTerminatesACustomersServer() {
        TenantOsUser customer = api.createUser("bea", "bea@example.com", "bea@example.com", "Init-Pw-123", 3);
        api.updateServer(105, customer.id(), "bea.example.com", List.of("ryzen7950x", "assigned"));
        assertThat(api.serversOwnedBy(customer.id())).extracting(TenantOsServer::id).containsExactly(105L);

        // suspend: the user, the ports, the power
        api.setSuspendedUsers(105, List.of(customer.id()));
        for (SwitchPort port : api.networkPorts(105)) {
            api.setPortEnabled(105, port.id(), false);
        }
        api.power(105, PowerAction.OFF);
        TenantOsServer suspended = api.server(105);
        assertThat(suspended.suspendedUserIds()).containsExactly(customer.id());
        assertThat(suspended.powerStatus()).isEqualTo("off");
        assertThat(suspended.hostname()).as("the PUT of the list leaves the rest").isEqualTo("bea.example.com");
        assertThat(api.networkPorts(105)).singleElement().satisfies(p -> assertThat(p.enabled()).isFalse());
        assertThat(tenantOs.server(105).suspendUserIds()).containsExactly(customer.id());
        assertThat(tenantOs.server(105).port(1051).enabled()).isFalse();

        // unsuspend
        api.setSuspendedUsers(105, List.of());
        api.setPortEnabled(105, 1051, true);
        api.power(105, PowerAction.ON);
        assertThat(api.server(105).suspendedUserIds()).isEmpty();
        assertThat(api.server(105).powerStatus()).isEqualTo("on");
        assertThat(api.networkPorts(105)).containsExactly(new SwitchPort(1051, "eth0", "sw-r1", true, true));

        // terminate: off, back to nobody, wiped (no hostname, no password), user gone
        api.power(105, PowerAction.OFF);
        api.updateServer(105, 0, "free-105", List.of("ryzen7950x", "forRent"));
        assertThat(tenantOs.server(105).userId()).isNull();
        assertThat(api.server(105).ownerUserId()).isZero();
        api.startReinstallation(105, 90, null, null);
        assertThat(api.server(105).diskwipeRunning()).isTrue();
        assertThat(tenantOs.server(105).hostname()).isEqualTo("free-105");
        assertThat(api.serversOwnedBy(customer.id())).isEmpty();
        api.deleteUser(customer.id());
        assertThat(api.findUserByEmail("bea@example.com")).isEmpty();
        assertThat(catchThrowable(() -> api.deleteUser(customer.id())))
                .isInstanceOf(BackendFailure.Permanent.class)
                .satisfies(f -> assertThat(((BackendFailure) f).status()).isEqualTo(404));
    }

    @Test
    void aPortOnAnUnmanageableSwitchIsAPermanent422() {
        assertThat(api.networkPorts(104)).singleElement().satisfies(p -> assertThat(p.manageable()).isFalse());

        Throwable thrown = catchThrowable(() -> api.setPortEnabled(104, 1041, false));

        assertThat(thrown).isInstanceOf(BackendFailure.Permanent.class).hasMessageContaining("not manageable");
        assertThat(((BackendFailure) thrown).status()).isEqualTo(422);
        assertThat(tenantOs.callCount("POST /api/servers/{id}/network/ports/{portId}/disable")).isEqualTo(1);
    }

    @Test
    void aResetThePowerProviderCannotDoIsAPermanent422() {
        tenantOs.setPowerFeatures(102, List.of("setPowerOn", "setPowerOff"));
        assertThat(api.server(102).supports(PowerAction.RESET)).isFalse();
        assertThat(api.server(102).supports(PowerAction.OFF)).isTrue();

        Throwable thrown = catchThrowable(() -> api.power(102, PowerAction.RESET));

        assertThat(thrown).isInstanceOf(BackendFailure.Permanent.class)
                .hasMessageContaining("not supported by this server's power provider");
        assertThat(((BackendFailure) thrown).status()).isEqualTo(422);
    }

    @Test
    void reverseDnsIsStoredAndABadNameRefused() {
        api.setReverseDns(103, "203.0.113.13", "mail.example.com");

        assertThat(api.ipAssignments(103)).singleElement()
                .satisfies(a -> assertThat(a.rdns()).isEqualTo("mail.example.com"));
        Throwable thrown = catchThrowable(() -> api.setReverseDns(103, "203.0.113.13", "-bad-"));
        assertThat(thrown).isInstanceOf(BackendFailure.Permanent.class);
        assertThat(((BackendFailure) thrown).status()).isEqualTo(422);
    }

    @Test
    void anSsoLinkOpensOnceInABrowser() throws Exception {
        TenantOsUser customer = api.createUser("cy", "cy@example.com", "cy@example.com", "Init-Pw-123", 3);

        URI link = api.ssoLink(customer.id(), "/servers/106/console", Duration.ofMinutes(5));

        assertThat(link.toString()).startsWith(tenantOs.baseUrl() + "/tokenLogin/");
        HttpClient browser = HttpClient.newHttpClient();
        HttpResponse<String> first = browser.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("opening /servers/106/console");
        assertThat(browser.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(410);
        assertThat(tenantOs.ssoTokens()).singleElement().satisfies(t -> {
            assertThat(t.userId()).isEqualTo(customer.id());
            assertThat(t.used()).isTrue();
        });
    }

    @Test
    void theRescueSystemStartsWithItsPasswordAndStops() {
        api.power(107, PowerAction.OFF);

        api.startRescue(107, "Rescue-Pw-1");

        TenantOsServer rescued = api.server(107);
        assertThat(rescued.rescueBootRunning()).isTrue();
        assertThat(rescued.powerStatus()).isEqualTo("on");
        assertThat(tenantOs.rescuePasswordOf(107)).contains("Rescue-Pw-1");
        Throwable again = catchThrowable(() -> api.startRescue(107, "Rescue-Pw-2"));
        assertThat(again).isInstanceOf(BackendFailure.Permanent.class).hasMessageNotContaining("Rescue-Pw-2");
        assertThat(((BackendFailure) again).status()).isEqualTo(409);

        api.stopRescue(107);
        assertThat(api.server(107).rescueBootRunning()).isFalse();
        api.stopRescue(107);
    }

    @Test
    void trafficGrowsWithTheSimulatorsClock() {
        MovableClock clock = new MovableClock(Instant.parse("2025-03-01T00:00:00Z"));
        try (TenantOsSimulator timed = TenantOsSimulator.start(SimulatorConfig.forTests().withClock(clock))) {
            TenantOsApi timedApi = new HttpTenantOsApi(timed.baseUrl(), timed.apiKey());
            Instant from = clock.instant();
            TenantOsUser customer = timedApi.createUser("di", "di@example.com", "di@example.com", "Init-Pw-123", 3);
            timedApi.updateServer(106, customer.id(), "di.example.com", List.of("ryzen7950x"));

            clock.advance(Duration.ofMinutes(10));
            List<TrafficSample> early = timedApi.networkTraffic(106, "5min", from, from.plus(Duration.ofMinutes(30)));
            clock.advance(Duration.ofMinutes(20));
            List<TrafficSample> later = timedApi.networkTraffic(106, "5min", from, from.plus(Duration.ofMinutes(30)));

            long rate = NetworkTraffic.bytesInPerSecond(106);
            assertThat(early).hasSize(6).first().isEqualTo(new TrafficSample(from, rate * 300, 4 * rate * 300));
            assertThat(early).extracting(TrafficSample::bytesIn)
                    .containsExactly(rate * 300, rate * 300, 0L, 0L, 0L, 0L);
            assertThat(later).extracting(TrafficSample::bytesIn).containsOnly(rate * 300);
            assertThat(later.stream().mapToLong(TrafficSample::bytesOut).sum())
                    .isGreaterThan(early.stream().mapToLong(TrafficSample::bytesOut).sum());

            timedApi.power(106, PowerAction.OFF);
            clock.advance(Duration.ofMinutes(30));
            List<TrafficSample> off = timedApi.networkTraffic(106, "5min", from.plus(Duration.ofMinutes(30)),
                    from.plus(Duration.ofHours(1)));
            assertThat(off).extracting(TrafficSample::bytesIn).containsOnly(0L);
        }
    }

    /** Time that moves only when the test says so. */
    static final class MovableClock implements InstantSource {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }
    }
}
