package io.hostwright.tenantos;

import io.hostwright.domain.tenantos.InstallStatus;
import io.hostwright.domain.tenantos.IpAssignment;
import io.hostwright.domain.tenantos.TenantOsApi;
import io.hostwright.domain.tenantos.TenantOsFailure;
import io.hostwright.domain.tenantos.TenantOsServer;
import io.hostwright.domain.tenantos.TenantOsUser;
import io.hostwright.simulator.tenantos.Faults;
import io.hostwright.simulator.tenantos.SimulatorConfig;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The adapter against the TenantOS simulator (infrastructure/tenantos-simulator): the provisioning calls in the
 * order the module makes them, then the simulator's scripted faults through the retry decorator.
 */
class SimulatorContractTest {

    final TenantOsSimulator tenantOs = TenantOsSimulator.start(SimulatorConfig.forTests());
    final List<Duration> waits = new ArrayList<>();
    final TenantOsApi api = new RetryingTenantOsApi(
            new HttpTenantOsApi(tenantOs.baseUrl(), tenantOs.apiKey(), Duration.ofSeconds(1), Duration.ofSeconds(1)),
            RetryPolicy.DEFAULT, waits::add);

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
    void retriesReadsThroughUnavailability() {
        tenantOs.faults().next(2, "GET /api/servers/{id}", 503);

        assertThat(api.server(102).id()).isEqualTo(102);
        assertThat(tenantOs.callCount("GET /api/servers/{id}")).isEqualTo(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void waitsWhatTooManyRequestsAsks() {
        tenantOs.faults().tooManyRequests(1, "POST /api/servers/getByTags", 2);

        assertThat(api.serversByTags(List.of("forRent"))).isNotEmpty();
        assertThat(waits).singleElement().isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void doesNotRepeatAStartThatFailed() {
        tenantOs.faults().next(1, Faults.START_REINSTALLATION, 503);

        Throwable thrown = catchThrowable(() -> api.startReinstallation(103, 12, "h.example.com", "Root-Pw-789"));

        assertThat(thrown).isInstanceOf(TenantOsFailure.Transient.class).hasMessageNotContaining("Root-Pw-789");
        assertThat(tenantOs.callCount(Faults.START_REINSTALLATION)).isEqualTo(1);
    }

    @Test
    void aHangingCallTimesOutAsTransient() {
        tenantOs.faults().delay(1, "GET /api/servers/{id}/ipassignments", Duration.ofSeconds(2));
        TenantOsApi impatient = new HttpTenantOsApi(tenantOs.baseUrl(), tenantOs.apiKey(), Duration.ofSeconds(1),
                Duration.ofMillis(300));

        Throwable thrown = catchThrowable(() -> impatient.ipAssignments(104));

        assertThat(thrown).isInstanceOf(TenantOsFailure.Transient.class);
        assertThat(((TenantOsFailure) thrown).status()).isZero();
    }

    @Test
    void aWrongKeyIsPermanentAndNotShown() {
        TenantOsApi wrong = new HttpTenantOsApi(tenantOs.baseUrl(), "not-the-key-42");

        Throwable thrown = catchThrowable(() -> wrong.server(101));

        assertThat(thrown).isInstanceOf(TenantOsFailure.Permanent.class).hasMessageNotContaining("not-the-key-42");
        assertThat(((TenantOsFailure) thrown).status()).isEqualTo(401);
    }

    @Test
    void anUnknownServerIsPermanent() {
        Throwable thrown = catchThrowable(() -> api.server(999));

        assertThat(thrown).isInstanceOf(TenantOsFailure.Permanent.class);
        assertThat(((TenantOsFailure) thrown).status()).isEqualTo(404);
    }
}
