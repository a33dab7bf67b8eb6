package io.hostwright.backends.tenantos.http;

import io.hostwright.backends.contract.ApiCall;
import io.hostwright.backends.contract.BackendApiContract;
import io.hostwright.backends.tenantos.TenantOsApi;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.simulator.tenantos.Faults;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The back-end contract suite on the TenantOS adapter as production builds it ({@link HttpTenantOsApis}: a
 * {@link RetryingTenantOsApi} over an {@link HttpTenantOsApi}) against the TenantOS simulator, over every call the
 * module makes; then what is TenantOS's own: the waits retries ask for, the 401, the simulator's own 404, and
 * passwords kept out of failures.
 */
class TenantOsApiContractTest extends BackendApiContract<TenantOsApi> {

    @Override
    protected SimulatedTenantOs startBackend() {
        return new SimulatedTenantOs();
    }

    @Override
    protected ApiCall<TenantOsApi> safeCall() {
        return TenantOsCalls.SERVER;
    }

    @Override
    protected ApiCall<TenantOsApi> unsafeCall() {
        return TenantOsCalls.START_REINSTALLATION;
    }

    @Override
    protected List<ApiCall<TenantOsApi>> callsTheModuleUses() {
        return TenantOsCalls.everyCallOfTheModule();
    }

    private SimulatedTenantOs tenantOs() {
        return (SimulatedTenantOs) backend();
    }

    @Test
    void aRetryWaitsTheJitteredBackoff() {
        tenantOs().simulator().faults().next(2, "GET /api/servers/{id}", 503);

        assertThat(tenantOs().client().server(102).id()).isEqualTo(102);

        assertThat(tenantOs().simulator().callCount("GET /api/servers/{id}")).isEqualTo(3);
        assertThat(tenantOs().waits()).hasSize(2);
    }

    @Test
    void aRetryWaitsWhatTooManyRequestsAsks() {
        tenantOs().simulator().faults().tooManyRequests(1, "POST /api/servers/getByTags", 2);

        assertThat(tenantOs().client().serversByTags(List.of("forRent"))).isNotEmpty();

        assertThat(tenantOs().waits()).singleElement().isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aWrongKeyIsA401ThatDoesNotShowIt() {
        TenantOsApi wrong = new HttpTenantOsApi(tenantOs().simulator().baseUrl(), "not-the-key-42");

        Throwable thrown = catchThrowable(() -> wrong.server(101));

        assertThat(thrown).isInstanceOf(BackendFailure.Permanent.class).hasMessageNotContaining("not-the-key-42");
        assertThat(((BackendFailure) thrown).status()).isEqualTo(401);
    }

    @Test
    void anUnknownServerIsPermanent() {
        Throwable thrown = catchThrowable(() -> tenantOs().client().server(999));

        assertThat(thrown).isInstanceOf(BackendFailure.Permanent.class);
        assertThat(((BackendFailure) thrown).status()).isEqualTo(404);
    }

    @Test
    void aFailedCallThatSendsAPasswordNeitherShowsItNorChangesAnything() {
        TenantOsSimulator simulator = tenantOs().simulator();
        for (String route : List.of(Faults.START_REINSTALLATION, "POST /api/servers/{id}/provisioning/startRescueSystem",
                "POST /api/users")) {
            simulator.faults().next(1, route, 503, "cannot, even with Secret-Pw-1");
        }
        TenantOsApi api = tenantOs().client();

        assertThat(catchThrowable(() -> api.startReinstallation(101, 12, "h.example.com", "Secret-Pw-1")))
                .isInstanceOf(BackendFailure.Transient.class).hasMessageEndingWith("cannot, even with ***");
        assertThat(catchThrowable(() -> api.startRescue(101, "Secret-Pw-1")))
                .isInstanceOf(BackendFailure.Transient.class).hasMessageEndingWith("cannot, even with ***");
        assertThat(catchThrowable(() -> api.createUser("eve", "eve@example.com", "eve@example.com", "Secret-Pw-1", 3)))
                .isInstanceOf(BackendFailure.Transient.class).hasMessageEndingWith("cannot, even with ***");

        assertThat(simulator.server(101).reinstallationRunning()).isFalse();
        assertThat(simulator.rootPasswordOf(101)).isEmpty();
        assertThat(simulator.server(101).rescueBootRunning()).isFalse();
        assertThat(simulator.userByEmail("eve@example.com")).isEmpty();
    }
}
