package io.hostwright.backends.tenantos.http;

import io.hostwright.backends.contract.ApiCall;
import io.hostwright.backends.contract.BackendApiContract;
import io.hostwright.backends.contract.BackendUnderTest;
import io.hostwright.backends.contract.LiveInstallation;
import io.hostwright.backends.contract.ScriptedFailures;
import io.hostwright.backends.tenantos.TenantOsApi;
import io.hostwright.backends.tenantos.TenantOsBackend;
import io.hostwright.backends.tenantos.TenantOsConnection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.hostwright.backends.contract.ApiCall.safe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The back-end contract suite against a real TenantOS, where this machine can reach one: name it with
 * {@code -Dhostwright.contract.tenantos.url=https://… -Dhostwright.contract.tenantos.credential=<API key>} (or
 * {@code HOSTWRIGHT_CONTRACT_TENANTOS_URL} and {@code _CREDENTIAL}), and with {@code .serverId} a server whose reads
 * may be checked too. Only reads are made. Without an installation every check is skipped, saying how to name one;
 * with one, the checks that need failures on demand are skipped, saying so.
 */
class TenantOsLiveContractTest extends BackendApiContract<TenantOsApi> {

    @Override
    protected BackendUnderTest<TenantOsApi> startBackend() {
        return new LiveTenantOs(LiveInstallation.require(TenantOsBackend.NAME));
    }

    @Override
    protected ApiCall<TenantOsApi> safeCall() {
        return safe("findUserByEmail", "GET /api/users",
                api -> assertThat(api.findUserByEmail("nobody@hostwright.invalid")).isEmpty());
    }

    /** Never made: the suite makes the unsafe call only with a failure scripted on it, which a real TenantOS cannot. */
    @Override
    protected ApiCall<TenantOsApi> unsafeCall() {
        return ApiCall.unsafe("createUser", "POST /api/users", api -> fail("no user is created on a real TenantOS"));
    }

    @Override
    protected List<ApiCall<TenantOsApi>> callsTheModuleUses() {
        List<ApiCall<TenantOsApi>> reads = new ArrayList<>(List.of(safeCall(),
                safe("serversByTags", "POST /api/servers/getByTags",
                        api -> assertThat(api.serversByTags(List.of("hostwright-contract-no-such-tag"))).isEmpty()),
                safe("pxeProfiles", "GET /api/pxe/profiles", api -> assertThat(api.pxeProfiles()).isNotEmpty())));
        Optional<Long> serverId = LiveInstallation.find(TenantOsBackend.NAME).flatMap(live -> live.setting("serverId"))
                .map(Long::parseLong);
        serverId.ifPresent(id -> reads.addAll(List.of(
                safe("server", "GET /api/servers/{id}", api -> assertThat(api.server(id).id()).isEqualTo(id)),
                safe("ipAssignments", "GET /api/servers/{id}/ipassignments", api -> api.ipAssignments(id)),
                safe("assignableSubnets", "GET /api/servers/{id}/ipassignments/getAssignableSubnets",
                        api -> api.assignableSubnets(id)),
                safe("provisioningProfiles", "GET /api/servers/{id}/provisioning/getProfiles",
                        api -> api.provisioningProfiles(id)),
                safe("installStatus", "GET /api/servers/{id}/provisioning/getInstallStatus", api -> api.installStatus(id)),
                safe("networkPorts", "GET /api/servers/{id}/network/getManageableNetworkPorts",
                        api -> api.networkPorts(id)))));
        return reads;
    }

    /** A real TenantOS through {@link HttpTenantOsApis} with production timeouts; retries do not sleep. */
    record LiveTenantOs(LiveInstallation installation) implements BackendUnderTest<TenantOsApi> {

        @Override
        public String name() {
            return "TenantOS at " + installation.baseUrl();
        }

        @Override
        public TenantOsApi client() {
            return client(installation.baseUrl(), installation.credential());
        }

        @Override
        public TenantOsApi clientWithCredential(String credential) {
            return client(installation.baseUrl(), credential);
        }

        @Override
        public TenantOsApi clientAt(String baseUrl) {
            return client(baseUrl, installation.credential());
        }

        private static TenantOsApi client(String baseUrl, String apiKey) {
            HttpTenantOsApis apis = new HttpTenantOsApis(secretRef -> apiKey, HttpTenantOsApi.CONNECT_TIMEOUT,
                    HttpTenantOsApi.REQUEST_TIMEOUT, wait -> { });
            return apis.of(new TenantOsConnection("contract-live", "Contract", baseUrl, "contract-key", 0, List.of(),
                    List.of(), List.of(), List.of(), "staff@example.com", List.of()));
        }

        @Override
        public String credential() {
            return installation.credential();
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
