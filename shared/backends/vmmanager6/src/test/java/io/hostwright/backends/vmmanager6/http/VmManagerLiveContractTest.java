package io.hostwright.backends.vmmanager6.http;

import io.hostwright.backends.contract.ApiCall;
import io.hostwright.backends.contract.BackendApiContract;
import io.hostwright.backends.contract.BackendUnderTest;
import io.hostwright.backends.contract.LiveInstallation;
import io.hostwright.backends.contract.ScriptedFailures;
import io.hostwright.backends.vmmanager6.VmManagerApi;
import io.hostwright.backends.vmmanager6.VmManagerBackend;
import io.hostwright.backends.vmmanager6.VmTraffic;
import io.hostwright.simulator.vmmanager6.Faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.hostwright.backends.contract.ApiCall.safe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The back-end contract suite against a real VMmanager 6, where this machine can reach one: name it with
 * {@code -Dhostwright.contract.vmmanager6.url=https://… -Dhostwright.contract.vmmanager6.credential=<e-mail>:<password>}
 * (or {@code HOSTWRIGHT_CONTRACT_VMMANAGER6_URL} and {@code _CREDENTIAL}), and with {@code .hostId} a host whose reads
 * may be checked too. Only reads are made. Without an installation every check is skipped, saying how to name one;
 * with one, the checks that need failures on demand are skipped, saying so.
 */
class VmManagerLiveContractTest extends BackendApiContract<VmManagerApi> {

    @Override
    protected BackendUnderTest<VmManagerApi> startBackend() {
        return new LiveVmManager(LiveInstallation.require(VmManagerBackend.NAME));
    }

    @Override
    protected ApiCall<VmManagerApi> safeCall() {
        return safe("osTemplates", "GET /vm/v3/os", api -> assertThat(api.osTemplates()).isNotEmpty());
    }

    /** Never made: the suite makes the unsafe call only with a failure scripted on it, which a real VMmanager cannot. */
    @Override
    protected ApiCall<VmManagerApi> unsafeCall() {
        return ApiCall.unsafe("createHost", Faults.CREATE_HOST, api -> fail("no host is created on a real VMmanager"));
    }

    @Override
    protected String credentialRoute() {
        return Faults.TOKEN;
    }

    @Override
    protected List<ApiCall<VmManagerApi>> callsTheModuleUses() {
        List<ApiCall<VmManagerApi>> reads = new ArrayList<>(List.of(safeCall(),
                safe("findAccountByEmail", "GET /vm/v3/account",
                        api -> assertThat(api.findAccountByEmail("nobody@hostwright.invalid")).isEmpty()),
                safe("hostsWithComment", "GET /vm/v3/host",
                        api -> assertThat(api.hostsWithComment("hostwright-contract-no-such-comment")).isEmpty()),
                safe("task", "GET /vm/v3/task",
                        api -> assertThat(api.task("hostwright-contract-no-such-task", "host_create")).isEmpty())));
        Optional<Long> hostId = LiveInstallation.find(VmManagerBackend.NAME).flatMap(live -> live.setting("hostId"))
                .map(Long::parseLong);
        hostId.ifPresent(id -> {
            Instant now = Instant.now();
            reads.addAll(List.of(
                    safe("host", "GET /vm/v3/host/{id}", api -> assertThat(api.host(id)).isPresent()),
                    safe("ipv4", "GET /vm/v3/host/{id}/ipv4", api -> api.ipv4(id)),
                    safe("netBytes in", "GET /vm/v3/host/{id}/metrics",
                            api -> api.netBytes(id, VmTraffic.Direction.IN, now.minus(Duration.ofHours(1)), now)),
                    safe("netBytes out", "GET /vm/v3/host/{id}/metrics",
                            api -> api.netBytes(id, VmTraffic.Direction.OUT, now.minus(Duration.ofHours(1)), now))));
        });
        return reads;
    }

    /**
     * A real VMmanager through {@link HttpVmManagerApis} with production timeouts; retries do not sleep. The
     * installation's credential is {@code <e-mail>:<password>}: the password is the secret, a wrong one keeps the
     * e-mail.
     */
    record LiveVmManager(LiveInstallation installation) implements BackendUnderTest<VmManagerApi> {

        @Override
        public String name() {
            return "VMmanager 6 at " + installation.baseUrl();
        }

        @Override
        public VmManagerApi client() {
            return client(installation.baseUrl(), installation.credential());
        }

        @Override
        public VmManagerApi clientWithCredential(String credential) {
            return client(installation.baseUrl(), email() + ":" + credential);
        }

        @Override
        public VmManagerApi clientAt(String baseUrl) {
            return client(baseUrl, installation.credential());
        }

        private static VmManagerApi client(String baseUrl, String credential) {
            return new HttpVmManagerApis(secretRef -> credential, HttpVmManagerApis.CONNECT_TIMEOUT,
                    HttpVmManagerApis.REQUEST_TIMEOUT, wait -> { }).of("contract-live", baseUrl, "contract-key");
        }

        private String email() {
            String credential = installation.credential();
            return credential.substring(0, Math.max(0, credential.indexOf(':')));
        }

        @Override
        public String credential() {
            String credential = installation.credential();
            return credential.substring(credential.indexOf(':') + 1);
        }

        @Override
        public Optional<ScriptedFailures> failures() {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }
}
