package io.hostwright.backends.vmmanager6.http;

import io.hostwright.backends.contract.ApiCall;
import io.hostwright.backends.vmmanager6.VmAccount;
import io.hostwright.backends.vmmanager6.VmHost;
import io.hostwright.backends.vmmanager6.VmHostRequest;
import io.hostwright.backends.vmmanager6.VmIp;
import io.hostwright.backends.vmmanager6.VmManagerApi;
import io.hostwright.backends.vmmanager6.VmOs;
import io.hostwright.backends.vmmanager6.VmTaskRef;
import io.hostwright.backends.vmmanager6.VmTraffic;
import io.hostwright.simulator.vmmanager6.Faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

import static io.hostwright.backends.contract.ApiCall.safe;
import static io.hostwright.backends.contract.ApiCall.unsafe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every {@link VmManagerApi} call, as the contract suite makes them on a fresh simulator with the demo seed (admin
 * account 1 {@code admin@vm6.local}, cluster 1 with pools 1 {@code 198.51.100.10–49} and 2, OS 1–4, no hosts; tasks
 * take no time, the clock stands at {@link SimulatedVmManager#T0}). A call that needs an account or a host makes it
 * first, with calls of other routes. Routes are written as the simulator's faults and counts match them; whether a
 * call is safe to repeat is what {@link RetryingVmManagerApi} must do with it.
 */
final class VmManagerCalls {

    static final String ADMIN = "admin@vm6.local";
    static final String COMMENT = "svc_contract";
    static final String ROOT_PASSWORD = "Root-Pw-789";

    static final ApiCall<VmManagerApi> OS_TEMPLATES = safe("osTemplates", "GET /vm/v3/os", api -> assertThat(
            api.osTemplates()).extracting(VmOs::id, VmOs::name, VmOs::repository).contains(
            tuple(1L, "Debian 12", "ISPsystem"),
            tuple(4L, "Debian 12 LAMP", "local")).hasSize(4));

    static final ApiCall<VmManagerApi> CREATE_HOST = unsafe("createHost", Faults.CREATE_HOST, api -> {
        VmTaskRef created = api.createHost(hostOf(1));
        assertThat(created.name()).isEqualTo("host_create");
        assertThat(created.consulId()).isNotBlank();
    });

    private VmManagerCalls() {
    }

    /** A small host of {@code accountId} in cluster 1 with Debian 12 and one address from the cluster's pools. */
    static VmHostRequest hostOf(long accountId) {
        return new VmHostRequest("contract.example.com", ROOT_PASSWORD, 1, 1, null, 1, 1024L, 20480L, accountId, 1,
                List.of(), false, null, COMMENT, "contract.example.com");
    }

    /** A host of the admin account, its create task already over (tasks take no time). */
    private static long newHost(VmManagerApi api) {
        return api.createHost(hostOf(1)).hostId();
    }

    private static long newAccount(VmManagerApi api, String email) {
        return api.createAccount(email, "Init-Pw-123");
    }

    static List<ApiCall<VmManagerApi>> everyCall() {
        Instant hourAgo = SimulatedVmManager.T0.minus(Duration.ofHours(1));
        return List.of(
                safe("findAccountByEmail", "GET /vm/v3/account", api -> assertThat(api.findAccountByEmail(ADMIN))
                        .map(VmAccount::id).hasValue(1L)),
                unsafe("createAccount", "POST /vm/v3/account",
                        api -> assertThat(api.createAccount("ada@example.com", "Init-Pw-123")).isGreaterThan(1L)),
                safe("suspendAccount", "POST /vm/v3/account/{id}/suspend", api -> {
                    api.suspendAccount(newAccount(api, "bea@example.com"));
                    assertThat(api.findAccountByEmail("bea@example.com")).hasValueSatisfying(
                            a -> assertThat(a.suspended()).isTrue());
                }),
                safe("resumeAccount", "POST /vm/v3/account/{id}/resume", api -> {
                    long id = newAccount(api, "cid@example.com");
                    api.suspendAccount(id);
                    api.resumeAccount(id);
                    assertThat(api.findAccountByEmail("cid@example.com")).hasValueSatisfying(
                            a -> assertThat(a.suspended()).isFalse());
                }),
                unsafe("deleteAccount", "DELETE /vm/v3/account/{id}", api -> {
                    api.deleteAccount(newAccount(api, "dee@example.com"));
                    assertThat(api.findAccountByEmail("dee@example.com")).isEmpty();
                }),
                safe("hostsWithComment", "GET /vm/v3/host", api -> {
                    long id = newHost(api);
                    assertThat(api.hostsWithComment(COMMENT)).extracting(VmHost::id).containsExactly(id);
                }),
                safe("hostsOfAccount", "GET /vm/v3/host", api -> {
                    long account = newAccount(api, "eve@example.com");
                    long id = api.createHost(hostOf(account)).hostId();
                    newHost(api);
                    assertThat(api.hostsOfAccount(account)).extracting(VmHost::id).containsExactly(id);
                }),
                safe("host", "GET /vm/v3/host/{id}", api -> {
                    long id = newHost(api);
                    assertThat(api.host(id)).hasValueSatisfying(host -> {
                        assertThat(host.comment()).isEqualTo(COMMENT);
                        assertThat(host.state()).isEqualTo("active");
                        assertThat(host.accountId()).isEqualTo(1L);
                        assertThat(host.osId()).isEqualTo(1L);
                        assertThat(host.cpuNumber()).isEqualTo(1);
                        assertThat(host.ramMib()).isEqualTo(1024L);
                        assertThat(host.mainDisk().sizeMib()).isEqualTo(20480L);
                        assertThat(host.ipv4()).containsExactly("198.51.100.10");
                        assertThat(host.power()).isEqualTo("on");
                    });
                }),
                CREATE_HOST,
                unsafe("deleteHost", "DELETE /vm/v3/host/{id}", api -> {
                    long id = newHost(api);
                    assertThat(api.deleteHost(id).name()).isEqualTo("host_delete");
                    assertThat(api.hostsWithComment(COMMENT)).isEmpty();
                }),
                unsafe("start", "POST /vm/v3/host/{id}/start", api -> {
                    long id = newHost(api);
                    api.stop(id);
                    assertThat(api.start(id).name()).isEqualTo("host_start");
                    assertThat(api.host(id).orElseThrow().power()).isEqualTo("on");
                }),
                unsafe("stop", "POST /vm/v3/host/{id}/stop", api -> {
                    long id = newHost(api);
                    assertThat(api.stop(id).name()).isEqualTo("host_stop");
                    assertThat(api.host(id).orElseThrow().power()).isEqualTo("off");
                }),
                unsafe("restart", "POST /vm/v3/host/{id}/restart", api -> {
                    long id = newHost(api);
                    assertThat(api.restart(id).consulId()).isNotBlank();
                }),
                unsafe("reinstall", "POST /vm/v3/host/{id}/reinstall", api -> {
                    long id = newHost(api);
                    assertThat(api.reinstall(id, 2, "New-Pw-456").name()).isEqualTo("host_reinstall");
                    assertThat(api.host(id).orElseThrow().osId()).isEqualTo(2L);
                }),
                unsafe("changeResources", "POST /vm/v3/host/{id}/resource", api -> {
                    long id = newHost(api);
                    api.changeResources(id, 2, 2048L);
                    assertThat(api.host(id).orElseThrow().ramMib()).isEqualTo(2048L);
                }),
                unsafe("resizeDisk", "POST /vm/v3/disk/{diskId}", api -> {
                    long id = newHost(api);
                    api.resizeDisk(api.host(id).orElseThrow().mainDisk().id(), 30720);
                    assertThat(api.host(id).orElseThrow().mainDisk().sizeMib()).isEqualTo(30720L);
                }),
                unsafe("changePassword", "POST /vm/v3/host/{id}/password", api -> {
                    long id = newHost(api);
                    assertThat(api.changePassword(id, "New-Pw-456").name()).isEqualTo("host_password");
                }),
                safe("task", "GET /vm/v3/task", api -> {
                    VmTaskRef created = api.createHost(hostOf(1));
                    assertThat(api.task(created.consulId(), "host_create")).hasValueSatisfying(
                            task -> assertThat(task.complete()).isTrue());
                }),
                safe("ipv4", "GET /vm/v3/host/{id}/ipv4", api -> assertThat(api.ipv4(newHost(api)))
                        .containsExactly(new VmIp(2001, "198.51.100.10", null))),
                safe("setPtr", "POST /vm/v3/ip/{ipId}/ptr", api -> {
                    long id = newHost(api);
                    api.setPtr(api.ipv4(id).getFirst().id(), "mail.example.com");
                    assertThat(api.ipv4(id).getFirst().ptr()).isEqualTo("mail.example.com");
                }),
                OS_TEMPLATES,
                unsafe("ssoKey", "POST /auth/v4/user/{email}/key", api -> assertThat(api.ssoKey(ADMIN)).isNotBlank()),
                safe("netBytes in", "GET /vm/v3/host/{id}/metrics", api -> anHourOfSteps(
                        api.netBytes(newHost(api), VmTraffic.Direction.IN, hourAgo, SimulatedVmManager.T0))),
                safe("netBytes out", "GET /vm/v3/host/{id}/metrics", api -> anHourOfSteps(
                        api.netBytes(newHost(api), VmTraffic.Direction.OUT, hourAgo, SimulatedVmManager.T0))));
    }

    /** The twelve 300-second steps of the hour before T0; the host was made at T0, so it moved nothing in them. */
    private static void anHourOfSteps(SortedMap<Instant, Long> steps) {
        assertThat(steps).hasSize(12).containsEntry(SimulatedVmManager.T0.minus(Duration.ofHours(1)), 0L)
                .containsEntry(SimulatedVmManager.T0.minus(Duration.ofMinutes(5)), 0L);
        assertThat(steps.values()).containsOnly(0L);
    }
}
