package io.hostwright.backends.vmmanager6.http;

import io.hostwright.backends.contract.ApiCall;
import io.hostwright.backends.contract.BackendApiContract;
import io.hostwright.backends.vmmanager6.VmError;
import io.hostwright.backends.vmmanager6.VmHostRequest;
import io.hostwright.backends.vmmanager6.VmManagerApi;
import io.hostwright.backends.vmmanager6.VmTraffic;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.simulator.vmmanager6.Fault;
import io.hostwright.simulator.vmmanager6.Faults;
import io.hostwright.simulator.vmmanager6.VmManager6Simulator;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The back-end contract suite on the VMmanager 6 adapter as production builds it ({@link HttpVmManagerApis}: a
 * {@link RetryingVmManagerApi} over an {@link HttpVmManagerApi}) against the VMmanager 6 simulator, over every call of
 * {@link VmManagerApi}; then what is VMmanager's own: the session (a wrong password refused at the login, an expired
 * session renewed once and never in a loop), the 3001 of a function not exposed, the waits retries ask for, a
 * sleeping instance, traffic read one way per call, and passwords a call sends kept out of its failures.
 */
class VmManagerApiContractTest extends BackendApiContract<VmManagerApi> {

    static final String OS = "GET /vm/v3/os";

    @Override
    protected SimulatedVmManager startBackend() {
        return new SimulatedVmManager();
    }

    @Override
    protected ApiCall<VmManagerApi> safeCall() {
        return VmManagerCalls.OS_TEMPLATES;
    }

    @Override
    protected ApiCall<VmManagerApi> unsafeCall() {
        return VmManagerCalls.CREATE_HOST;
    }

    @Override
    protected List<ApiCall<VmManagerApi>> callsTheModuleUses() {
        return VmManagerCalls.everyCall();
    }

    /** The credential is traded for a session token first: a wrong one is refused there. */
    @Override
    protected String credentialRoute() {
        return Faults.TOKEN;
    }

    private SimulatedVmManager vm() {
        return (SimulatedVmManager) backend();
    }

    private VmManager6Simulator simulator() {
        return vm().simulator();
    }

    @Test
    void aFunctionNotExposedIsPermanentAndNamesTheCode3001() {
        simulator().faults().next(1, OS, 403, 3001, "Unauthorized");

        Throwable thrown = catchThrowable(() -> vm().client().osTemplates());

        assertThat(thrown).isInstanceOf(BackendFailure.Permanent.class).hasMessageContaining("code 3001: Unauthorized");
        assertThat(((BackendFailure) thrown).status()).isEqualTo(403);
        assertThat(VmError.of((BackendFailure) thrown)).isEqualTo(3001);
        assertThat(simulator().receivedCount(OS)).as("not repeated").isEqualTo(1);
    }

    @Test
    void theSimulatorsOwn3001ForAnInternalFunctionIsPermanent() {
        VmHttp wire = new VmHttp(simulator().baseUrl(), simulator().credential(), SimulatedVmManager.CLIENT_PATIENCE,
                SimulatedVmManager.CLIENT_PATIENCE);

        Throwable thrown = catchThrowable(() -> wire.exchange(VmHttp.Call.get("/vm/v3/internal/host")));

        assertThat(thrown).isInstanceOf(BackendFailure.Permanent.class)
                .hasMessageStartingWith("VMmanager GET /vm/v3/internal/host: HTTP 403 code 3001");
        assertThat(VmError.of((BackendFailure) thrown)).isEqualTo(3001);
    }

    @Test
    void aWrongPasswordIsA401AtTheLoginThatDoesNotShowIt() {
        Throwable thrown = catchThrowable(() -> vm().clientWithCredential("Wrong-Pw-42").osTemplates());

        assertThat(thrown).isInstanceOf(BackendFailure.Permanent.class)
                .hasMessageStartingWith("VMmanager refused the credentials of " + vm().email());
        assertThat(shown(thrown)).doesNotContain("Wrong-Pw-42");
        assertThat(((BackendFailure) thrown).status()).isEqualTo(401);
        assertThat(VmError.of((BackendFailure) thrown)).isEqualTo(1004);
        assertThat(simulator().tokenIssues()).isZero();
        assertThat(simulator().receivedCount(Faults.TOKEN)).isEqualTo(1);
        assertThat(simulator().receivedCount(OS)).isZero();
    }

    @Test
    void anExpiredSessionIsRenewedOnceAndTheCallMadeAgain() {
        VmManagerApi api = vm().client();
        api.osTemplates();
        long issued = simulator().tokenIssues();
        simulator().expireTokens();

        assertThat(api.osTemplates()).hasSize(4);

        assertThat(simulator().tokenIssues()).isEqualTo(issued + 1);
        assertThat(simulator().receivedCount(OS)).as("the call, refused for its session, then again").isEqualTo(3);
    }

    @Test
    void anExpiredSessionMakesAnUnsafeCallAgainOnlyBecauseTheRefusedOneDidNothing() {
        VmManagerApi api = vm().client();
        api.osTemplates();
        simulator().expireTokens();

        api.createHost(VmManagerCalls.hostOf(1));

        assertThat(simulator().hosts()).hasSize(1);
        assertThat(simulator().receivedCount(Faults.CREATE_HOST)).isEqualTo(2);
        assertThat(simulator().callCount(Faults.CREATE_HOST)).isEqualTo(2);
    }

    @Test
    void aSessionRefusedAgainIsPermanentNotALoop() {
        VmManagerApi api = vm().client();
        api.osTemplates();
        long issued = simulator().tokenIssues();
        simulator().faults().next(2, OS, 401, 1000, "Session expired");

        Throwable thrown = catchThrowable(api::osTemplates);

        assertThat(thrown).isInstanceOf(BackendFailure.Permanent.class)
                .hasMessageContaining("VMmanager refused a fresh session for " + vm().email());
        assertThat(((BackendFailure) thrown).status()).isEqualTo(401);
        assertThat(simulator().tokenIssues()).as("one new session").isEqualTo(issued + 1);
        assertThat(simulator().receivedCount(OS)).isEqualTo(3);
    }

    @Test
    void aRetryWaitsTheJitteredBackoff() {
        simulator().faults().next(2, OS, 503);

        assertThat(vm().client().osTemplates()).hasSize(4);

        assertThat(simulator().receivedCount(OS)).isEqualTo(3);
        assertThat(vm().waits()).hasSize(2);
        assertThat(vm().waits().get(0)).isLessThanOrEqualTo(Duration.ofMillis(500));
        assertThat(vm().waits().get(1)).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRetryWaitsWhatVmmanagerAsksWithRetryAfter() {
        simulator().faults().add(1, OS, new Fault.Answer(503, 503, "Service unavailable", 3, Duration.ZERO));

        assertThat(vm().client().osTemplates()).hasSize(4);

        assertThat(vm().waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void anInstanceAsleepForOneAndAHalfSecondsIsRiddenOutOnAReadWithTheMedianJitter() {
        SimulatedVmManager vm = vm();
        VmManagerApi api = new RetryingVmManagerApi(new HttpVmManagerApi(simulator().baseUrl(),
                simulator().credential(), SimulatedVmManager.CLIENT_PATIENCE, SimulatedVmManager.CLIENT_PATIENCE),
                RetryingVmManagerApi.DEFAULT_POLICY, vm::sleep,
                () -> Duration.between(SimulatedVmManager.T0, vm.clock().instant()).toNanos(), () -> 0.5);
        simulator().sleepFor(Duration.ofMillis(1500));

        assertThat(api.osTemplates()).hasSize(4);

        assertThat(vm.waits()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(simulator().receivedCount(Faults.TOKEN)).as("asleep thrice, then a session").isEqualTo(4);
    }

    @Test
    void aCreateWhileTheInstanceSleepsIsATransientFailureMadeOnce() {
        VmManagerApi api = vm().client();
        api.osTemplates();
        simulator().sleepFor(Duration.ofSeconds(20));

        Throwable thrown = catchThrowable(() -> api.createHost(VmManagerCalls.hostOf(1)));

        assertThat(thrown).isInstanceOf(BackendFailure.Transient.class).hasMessageContaining("HTTP 503");
        assertThat(((BackendFailure) thrown).status()).isEqualTo(503);
        assertThat(simulator().receivedCount(Faults.CREATE_HOST)).isEqualTo(1);
        assertThat(vm().waits()).isEmpty();
        simulator().wake();
        assertThat(simulator().hosts()).isEmpty();
    }

    @Test
    void trafficReadsEachWayOnceAndAddsThemUpPerStep() {
        VmManagerApi api = vm().client();
        long id = api.createHost(VmManagerCalls.hostOf(1)).hostId();
        api.host(id); // the create task ends: the host is on from T0
        simulator().setTrafficRate(id, 1_000, 4_000);
        vm().clock().advance(Duration.ofMinutes(10));
        simulator().clearCalls();

        List<VmTraffic> traffic = api.traffic(id, SimulatedVmManager.T0, SimulatedVmManager.T0.plus(Duration.ofMinutes(10)));

        Instant t0 = SimulatedVmManager.T0;
        assertThat(traffic).containsExactly(new VmTraffic(t0, 300_000, 1_200_000),
                new VmTraffic(t0.plus(Duration.ofMinutes(5)), 300_000, 1_200_000));
        assertThat(simulator().receivedCount("GET /vm/v3/host/{id}/metrics")).isEqualTo(2);
    }

    @Test
    void aFailedCallThatSendsAPasswordNeitherShowsItNorChangesAnything() {
        VmManagerApi api = vm().client();
        long id = api.createHost(VmManagerCalls.hostOf(1)).hostId();
        api.host(id);
        simulator().faults()
                .next(1, Faults.CREATE_HOST, 500, 500, "cannot, even with Secret-Pw-1")
                .next(1, Faults.CREATE_HOST, 409, 1011, "no room for Secret-Pw-1")
                .next(1, "POST /vm/v3/host/{id}/reinstall", 500, 500, "cannot, even with Secret-Pw-1")
                .next(1, "POST /vm/v3/host/{id}/password", 400, 1002, "weak: Secret-Pw-1")
                .next(1, "POST /vm/v3/account", 502, 7001, "cannot, even with Secret-Pw-1");
        VmHostRequest withPassword = new VmHostRequest("p.example.com", "Secret-Pw-1", 1, 1, null, 1, 1024L, 20480L, 1,
                1, List.of(), false, null, "svc_password", null);

        assertThat(catchThrowable(() -> api.createHost(withPassword))).isInstanceOf(BackendFailure.Transient.class)
                .hasMessageEndingWith("code 500: cannot, even with ***").satisfies(this::showsNoPassword);
        assertThat(catchThrowable(() -> api.createHost(withPassword))).isInstanceOf(BackendFailure.Permanent.class)
                .hasMessageEndingWith("code 1011: no room for ***").satisfies(this::showsNoPassword)
                .satisfies(failure -> assertThat(VmError.of((BackendFailure) failure)).isEqualTo(1011));
        assertThat(catchThrowable(() -> api.reinstall(id, 2, "Secret-Pw-1"))).isInstanceOf(BackendFailure.Transient.class)
                .satisfies(this::showsNoPassword);
        assertThat(catchThrowable(() -> api.changePassword(id, "Secret-Pw-1"))).isInstanceOf(BackendFailure.Permanent.class)
                .hasMessageEndingWith("code 1002: weak: ***").satisfies(this::showsNoPassword);
        assertThat(catchThrowable(() -> api.createAccount("eve@example.com", "Secret-Pw-1")))
                .isInstanceOf(BackendFailure.Transient.class).satisfies(this::showsNoPassword);

        assertThat(simulator().hosts()).singleElement().satisfies(host -> {
            assertThat(host.id()).isEqualTo(id);
            assertThat(host.osId()).isEqualTo(1L);
        });
        assertThat(simulator().passwordOf(id)).contains(VmManagerCalls.ROOT_PASSWORD);
        assertThat(simulator().accountByEmail("eve@example.com")).isEmpty();
    }

    private void showsNoPassword(Throwable failure) {
        assertThat(shown(failure)).doesNotContain("Secret-Pw-1");
    }

    /** Messages and stack trace, causes included: all a log line or a staff mail could show. */
    private static String shown(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
