package io.hostwright.backends.tenantos;

import io.hostwright.domain.control.ConsoleLink;
import io.hostwright.domain.control.IpAddress;
import io.hostwright.domain.control.PowerCommand;
import io.hostwright.domain.control.RescueAccess;
import io.hostwright.domain.control.ServerControl;
import io.hostwright.domain.control.ServerInfo;
import io.hostwright.domain.control.UsageResolution;
import io.hostwright.domain.control.UsageSeries;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.problem.Unavailable;
import io.hostwright.domain.service.Service;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.hostwright.backends.tenantos.InMemoryTenantOs.refused;
import static io.hostwright.backends.tenantos.InMemoryTenantOs.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The customer's client functions on their TenantOS server; TenantOS failures become 503 or 409. */
class TenantOsServerControlTest {

    final TenantOsWorld world = new TenantOsWorld();
    final InMemoryTenantOs tenantOs = world.tenantOs;
    final Service service = world.active(world.order("svc_ada", Map.of("ipv4", "2")));
    final InMemoryServer server = world.serverOf(service);
    final ServerControl control = world.backend.serverControl().orElseThrow();

    @Test
    void infoReportsTheServerAsTenantOsSeesIt() {
        server.os = "Debian 12 (Bookworm)";
        server.powerFeatures = List.of("setPowerOn", "setPowerOff");
        String primary = server.ips.getFirst().ip();
        String extra = server.ips.getLast().ip();

        ServerInfo info = control.info(service);

        assertThat(info).isEqualTo(new ServerInfo("svc_ada", "ACTIVE", "svc-ada.example.com", "Debian 12 (Bookworm)",
                primary, List.of(extra), new ServerInfo.Hardware("AMD Ryzen 9 7950X", 131_072), "on",
                List.of(PowerCommand.ON, PowerCommand.OFF), false, false));
    }

    @Test
    void infoNamesTheOrderedOsWhenTenantOsKnowsNone() {
        assertThat(control.info(service).os()).isEqualTo("Debian 12");
    }

    @Test
    void powerSwitchesTheServerAndAnswersTheNewState() {
        assertThat(control.power(service, PowerCommand.OFF)).isEqualTo("off");
        assertThat(server.power).isEqualTo("off");
        assertThat(control.power(service, PowerCommand.ON)).isEqualTo("on");
        assertThat(server.power).isEqualTo("on");
    }

    @Test
    void aPowerCommandTheProviderLacksIsAConflictNamingWhatItSupports() {
        server.powerFeatures = List.of("setPowerOn", "setPowerOff");

        assertThatThrownBy(() -> control.power(service, PowerCommand.RESET))
                .isInstanceOf(Conflict.class)
                .hasMessage("this server's power provider cannot reset; it supports [on, off]");
        assertThat(tenantOs.count("power")).isZero();
    }

    @Test
    void ipsListEveryAddressWithItsVersionAndReverseDns() {
        server.ips.add(new IpAssignment(7002, "2001:db8::10", false, false, TenantOsWorld.IPV6_SUBNET,
                "v6.example.com"));
        String primary = server.ips.getFirst().ip();

        List<IpAddress> ips = control.ips(service);

        assertThat(ips).hasSize(3);
        assertThat(ips.getFirst()).isEqualTo(new IpAddress(primary, true, 4, null));
        assertThat(ips.getLast()).isEqualTo(new IpAddress("2001:db8::10", false, 6, "v6.example.com"));
    }

    @Test
    void reverseDnsIsSetOnAnAddressOfTheServer() {
        String primary = server.ips.getFirst().ip();

        IpAddress answered = control.setReverseDns(service, primary, "mail.example.com");

        assertThat(answered).isEqualTo(new IpAddress(primary, true, 4, "mail.example.com"));
        assertThat(server.ips.getFirst().rdns()).isEqualTo("mail.example.com");
    }

    @Test
    void reverseDnsOfAnAddressNotTheServersIsNotFound() {
        assertThatThrownBy(() -> control.setReverseDns(service, "192.0.2.1", "x.example.com"))
                .isInstanceOf(NotFound.class).hasMessage("IP address 192.0.2.1 not found");
        assertThat(tenantOs.count("setReverseDns")).isZero();
    }

    @Test
    void theConsoleLinkLogsTheCustomersUserIntoTheServersConsolePage() {
        ConsoleLink link = control.console(service, Duration.ofMinutes(5));

        assertThat(link.url()).isEqualTo(URI.create("https://tenantos.test/tokenLogin/sso-" + world.userOf(service)
                + "?to=/servers/" + server.id + "/console"));
        assertThat(link.expiresAt()).isEqualTo(world.clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(tenantOs.calls("ssoLink")).containsExactly("ssoLink(" + world.userOf(service) + ", /servers/"
                + server.id + "/console, PT5M)");
    }

    @Test
    void rescueStartsWithTheGivenPasswordOnceAndStops() {
        RescueAccess started = control.startRescue(service, "Rescue-Pass-123");
        RescueAccess again = control.startRescue(service, "Other-Pass-456");

        assertThat(started).isEqualTo(new RescueAccess(true, "Rescue-Pass-123"));
        assertThat(again).isEqualTo(new RescueAccess(true, null));
        assertThat(server.rescuePassword).isEqualTo("Rescue-Pass-123");
        assertThat(tenantOs.count("startRescue")).isEqualTo(1);

        assertThat(control.stopRescue(service)).isEqualTo(new RescueAccess(false, null));
        assertThat(server.rescue).isFalse();
    }

    @Test
    void rescueIsRefusedWhileAnInstallationRuns() {
        server.busy = true;

        assertThatThrownBy(() -> control.startRescue(service, "Rescue-Pass-123")).isInstanceOf(Conflict.class)
                .hasMessageContaining("installation or disk wipe is running");
        assertThat(tenantOs.count("startRescue")).isZero();
    }

    @Test
    void usageSumsTheTrafficOfTheRangeAtTheAskedResolution() {
        Instant from = Instant.parse("2026-11-22T08:00:00Z");
        server.traffic.addAll(List.of(new TrafficSample(from.minusSeconds(3600), 1, 1),
                new TrafficSample(from, 100, 1_000), new TrafficSample(from.plusSeconds(3600), 200, 2_000)));

        UsageSeries usage = control.usage(service, from, from.plusSeconds(7200), UsageResolution.HOURLY);

        assertThat(usage.points()).containsExactly(new UsageSeries.Point(from, 100, 1_000),
                new UsageSeries.Point(from.plusSeconds(3600), 200, 2_000));
        assertThat(usage.totalBytesIn()).isEqualTo(300);
        assertThat(usage.totalBytesOut()).isEqualTo(3_000);
        assertThat(tenantOs.calls("networkTraffic").getFirst()).contains(", hourly, ");
    }

    @Test
    void aTenantOsOutageIsUnavailable() {
        tenantOs.failNext("power", unavailable());

        assertThatThrownBy(() -> control.power(service, PowerCommand.OFF)).isInstanceOf(Unavailable.class)
                .hasMessageContaining("power off");
    }

    @Test
    void aTenantOsRefusalIsAConflict() {
        tenantOs.failNext("stopRescue", refused(422));

        assertThatThrownBy(() -> control.stopRescue(service)).isInstanceOf(Conflict.class)
                .hasMessageStartingWith("TenantOS refused to leave the rescue system");
    }

    @Test
    void aServerReassignedByHandIsNotTheCustomersToControl() {
        server.owner = tenantOs.addUser("bob@example.test").id();

        assertThatThrownBy(() -> control.power(service, PowerCommand.OFF)).isInstanceOf(Conflict.class)
                .hasMessageContaining("the server was reassigned");
        assertThatThrownBy(() -> control.console(service, Duration.ofMinutes(5))).isInstanceOf(Conflict.class);
        assertThat(server.power).isEqualTo("on");
        assertThat(tenantOs.count("ssoLink")).isZero();
    }

    @Test
    void aServiceWithoutAServerIsAConflict() {
        Service pending = world.order("svc_pending");

        assertThatThrownBy(() -> control.info(pending)).isInstanceOf(Conflict.class)
                .hasMessageContaining("no TenantOS server is recorded for this service");
    }
}
