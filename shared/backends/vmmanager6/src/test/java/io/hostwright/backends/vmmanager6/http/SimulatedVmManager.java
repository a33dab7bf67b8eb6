package io.hostwright.backends.vmmanager6.http;

import io.hostwright.backends.contract.BackendUnderTest;
import io.hostwright.backends.contract.ErrorAnswer;
import io.hostwright.backends.contract.ScriptedFailures;
import io.hostwright.backends.vmmanager6.VmManagerApi;
import io.hostwright.domain.fixtures.MutableClock;
import io.hostwright.simulator.vmmanager6.Fault;
import io.hostwright.simulator.vmmanager6.Settings;
import io.hostwright.simulator.vmmanager6.SimulatorConfig;
import io.hostwright.simulator.vmmanager6.VmManager6Simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A VMmanager 6 simulator (demo seed) on a free port, reached through {@link HttpVmManagerApis} as production reaches
 * VMmanager, except that a client gives up after 1 s and retries do not sleep: the waits they ask for are kept in
 * {@link #waits()} and pass on the simulator's clock, which stands still otherwise. Tasks take no time, so a host is
 * idle again on the next call (a task ends when the simulator next looks, at the same instant).
 *
 * <p>The credential is the password of the seed's admin account: the connection's secret is {@code <e-mail>:<password>},
 * and {@link #clientWithCredential} keeps the e-mail.
 */
final class SimulatedVmManager implements BackendUnderTest<VmManagerApi>, ScriptedFailures {

    static final Duration CLIENT_PATIENCE = Duration.ofSeconds(1);
    /** Long past the client's patience; the simulator's close ends it. */
    static final Duration HANG = CLIENT_PATIENCE.multipliedBy(10);
    /** The simulator's clock at the start: a 300-second step starts here. */
    static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final VmManager6Simulator simulator = VmManager6Simulator.start(SimulatorConfig.forTests().withClock(clock)
            .withSettings(Settings.tests().withTaskDuration(Duration.ZERO)));
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final String email;
    private final String password;

    SimulatedVmManager() {
        String credential = simulator.credential();
        int colon = credential.indexOf(':');
        email = credential.substring(0, colon);
        password = credential.substring(colon + 1);
    }

    VmManager6Simulator simulator() {
        return simulator;
    }

    MutableClock clock() {
        return clock;
    }

    /** The e-mail of the admin account the clients act as. */
    String email() {
        return email;
    }

    /** What the retries asked to wait, in order. */
    List<Duration> waits() {
        return waits;
    }

    /** How the clients wait: the wait is noted and passes on the simulator's clock. */
    void sleep(Duration wait) {
        waits.add(wait);
        clock.advance(wait);
    }

    @Override
    public String name() {
        return "the VMmanager 6 simulator";
    }

    @Override
    public VmManagerApi client() {
        return client(simulator.baseUrl(), password);
    }

    @Override
    public VmManagerApi clientWithCredential(String credential) {
        return client(simulator.baseUrl(), credential);
    }

    @Override
    public VmManagerApi clientAt(String baseUrl) {
        return client(baseUrl, password);
    }

    private VmManagerApi client(String baseUrl, String password) {
        HttpVmManagerApis apis = new HttpVmManagerApis(secretRef -> email + ":" + password, CLIENT_PATIENCE,
                CLIENT_PATIENCE, this::sleep);
        return apis.of("contract", baseUrl, "contract-key");
    }

    @Override
    public String credential() {
        return password;
    }

    @Override
    public Optional<ScriptedFailures> failures() {
        return Optional.of(this);
    }

    /** The answer with code = status, as VMmanager's error object; a 503 comes with an empty body, as VMmanager's. */
    @Override
    public void answer(String route, int times, ErrorAnswer answer) {
        int retryAfter = answer.retryAfter() == null ? 0 : Math.toIntExact(answer.retryAfter().toSeconds());
        simulator.faults().add(times, route, new Fault.Answer(answer.status(), answer.status(), answer.message(),
                retryAfter, Duration.ZERO));
    }

    @Override
    public void hang(String route, int times) {
        simulator.faults().delay(times, route, HANG);
    }

    @Override
    public long callsReceived(String route) {
        return simulator.receivedCount(route);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
