package io.hostwright.backends.tenantos.http;

import io.hostwright.backends.contract.ApiCall;
import io.hostwright.backends.tenantos.InstallStatus;
import io.hostwright.backends.tenantos.IpAssignment;
import io.hostwright.backends.tenantos.PowerAction;
import io.hostwright.backends.tenantos.ProvisioningProfile;
import io.hostwright.backends.tenantos.Subnet;
import io.hostwright.backends.tenantos.SwitchPort;
import io.hostwright.backends.tenantos.TenantOsApi;
import io.hostwright.backends.tenantos.TenantOsServer;
import io.hostwright.backends.tenantos.TenantOsUser;
import io.hostwright.simulator.tenantos.Faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.hostwright.backends.contract.ApiCall.safe;
import static io.hostwright.backends.contract.ApiCall.unsafe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@link TenantOsApi} call the TenantOS module makes, as the contract suite makes them on a fresh simulator
 * with the demo seed (servers 101–108, subnet 10 free from 203.0.113.40, profiles 12–15 and the wipe 90, admin user
 * 1). Routes are written as the simulator's faults and counts match them; whether a call is safe to repeat is what
 * {@link RetryingTenantOsApi} must do with it.
 */
final class TenantOsCalls {

    static final ApiCall<TenantOsApi> SERVER = safe("server", "GET /api/servers/{id}",
            api -> assertThat(api.server(102).cpuModel()).isEqualTo("Intel Xeon E-2388G"));

    static final ApiCall<TenantOsApi> START_REINSTALLATION = unsafe("startReinstallation", Faults.START_REINSTALLATION,
            api -> {
                api.startReinstallation(103, 12, "h.example.com", "Root-Pw-789");
                assertThat(api.server(103).reinstallationRunning()).isTrue();
            });

    private TenantOsCalls() {
    }

    static List<ApiCall<TenantOsApi>> everyCallOfTheModule() {
        return List.of(
                safe("findUserByEmail", "GET /api/users",
                        api -> assertThat(api.findUserByEmail("ADMIN@tenantos.test")).map(TenantOsUser::id).hasValue(1L)),
                unsafe("createUser", "POST /api/users", api -> assertThat(
                        api.createUser("ada", "ada@example.com", "ada@example.com", "Init-Pw-123", 3).email())
                        .isEqualTo("ada@example.com")),
                safe("serversByTags", "POST /api/servers/getByTags", api -> assertThat(
                        api.serversByTags(List.of("forRent", "epyc9354p"))).extracting(TenantOsServer::id)
                        .containsExactlyInAnyOrder(107L, 108L)),
                SERVER,
                safe("updateServer", "PUT /api/servers/{id}", api -> assertThat(
                        api.updateServer(101, 1, "web1.example.com", List.of("e2388g", "assigned")).hostname())
                        .isEqualTo("web1.example.com")),
                safe("setSuspendedUsers", "PUT /api/servers/{id}", api -> {
                    api.setSuspendedUsers(101, List.of(1L));
                    assertThat(api.server(101).suspendedUserIds()).containsExactly(1L);
                }),
                safe("serversOwnedBy", "GET /api/servers", api -> assertThat(api.serversOwnedBy(1))
                        .extracting(TenantOsServer::id).contains(101L, 107L).doesNotContain(108L)),
                safe("deleteUser", "DELETE /api/users/{id}", api -> {
                    TenantOsUser bea = api.createUser("bea", "bea@example.com", "bea@example.com", "Init-Pw-123", 3);
                    api.deleteUser(bea.id());
                    assertThat(api.findUserByEmail("bea@example.com")).isEmpty();
                }),
                safe("ipAssignments", "GET /api/servers/{id}/ipassignments", api -> assertThat(api.ipAssignments(101))
                        .extracting(IpAssignment::ip).containsExactly("203.0.113.11")),
                safe("assignableSubnets", "GET /api/servers/{id}/ipassignments/getAssignableSubnets",
                        api -> assertThat(api.assignableSubnets(101)).extracting(Subnet::id).contains(10L)),
                safe("assignableIps", "POST /api/servers/{id}/ipassignments/getAssignableIpsOfSubnet",
                        api -> assertThat(api.assignableIps(101, 10)).startsWith("203.0.113.40")),
                unsafe("addIpAssignment", "POST /api/servers/{id}/ipassignments",
                        api -> assertThat(api.addIpAssignment(101, 10, "203.0.113.40").primary()).isFalse()),
                safe("removeIpAssignment", "DELETE /api/servers/{id}/ipassignments/{assignmentId}", api -> {
                    api.removeIpAssignment(102, api.ipAssignments(102).getFirst().id());
                    assertThat(api.ipAssignments(102)).isEmpty();
                }),
                safe("provisioningProfiles", "GET /api/servers/{id}/provisioning/getProfiles", api -> assertThat(
                        api.provisioningProfiles(101)).extracting(ProvisioningProfile::id).contains(12L, 90L)),
                safe("pxeProfiles", "GET /api/pxe/profiles", api -> assertThat(api.pxeProfiles())
                        .contains(new ProvisioningProfile(12, "Debian 12 (Bookworm)", List.of("linux")),
                                new ProvisioningProfile(90, "Secure disk wipe", List.of("wipe")))),
                START_REINSTALLATION,
                safe("installStatus", "GET /api/servers/{id}/provisioning/getInstallStatus",
                        api -> assertThat(api.installStatus(101).state()).isEqualTo(InstallStatus.State.NOT_RUNNING)),
                safe("power on", "GET /api/servers/{id}/power/setPowerOn", api -> api.power(101, PowerAction.ON)),
                safe("power off", "GET /api/servers/{id}/power/setPowerOff", api -> {
                    api.power(101, PowerAction.OFF);
                    assertThat(api.server(101).powerStatus()).isEqualTo("off");
                }),
                unsafe("power reset", "GET /api/servers/{id}/power/setPowerReset", api -> api.power(101, PowerAction.RESET)),
                safe("networkPorts", "GET /api/servers/{id}/network/getManageableNetworkPorts", api -> assertThat(
                        api.networkPorts(101)).containsExactly(new SwitchPort(1011, "eth0", "sw-r1", true, true))),
                safe("disable a port", "POST /api/servers/{id}/network/ports/{portId}/disable", api -> {
                    api.setPortEnabled(101, 1011, false);
                    assertThat(api.networkPorts(101).getFirst().enabled()).isFalse();
                }),
                safe("enable a port", "POST /api/servers/{id}/network/ports/{portId}/enable",
                        api -> api.setPortEnabled(101, 1011, true)),
                safe("setReverseDns", "POST /api/servers/{id}/ipassignments/rdns", api -> {
                    api.setReverseDns(101, "203.0.113.11", "mail.example.com");
                    assertThat(api.ipAssignments(101).getFirst().rdns()).isEqualTo("mail.example.com");
                }),
                safe("ssoLink", "POST /api/users/{id}/generateSsoToken", api -> assertThat(
                        api.ssoLink(1, "/servers/101/console", Duration.ofMinutes(5)).getPath()).startsWith("/tokenLogin/")),
                unsafe("startRescue", "POST /api/servers/{id}/provisioning/startRescueSystem", api -> {
                    api.startRescue(107, "Rescue-Pw-1");
                    assertThat(api.server(107).rescueBootRunning()).isTrue();
                }),
                safe("stopRescue", "GET /api/servers/{id}/provisioning/stopRescueSystem", api -> api.stopRescue(107)),
                safe("networkTraffic", "POST /api/servers/{id}/stats/network/{mode}", api -> assertThat(
                        api.networkTraffic(106, "5min", Instant.now().minus(Duration.ofHours(1)), Instant.now()))
                        .isNotEmpty()));
    }
}
