package io.hostwright.backends.tenantos.http;

import io.hostwright.backends.contract.BackendUnderTest;
import io.hostwright.backends.contract.ErrorAnswer;
import io.hostwright.backends.contract.ScriptedFailures;
import io.hostwright.backends.tenantos.TenantOsApi;
import io.hostwright.backends.tenantos.TenantOsConnection;
import io.hostwright.simulator.tenantos.Fault;
import io.hostwright.simulator.tenantos.SimulatorConfig;
import io.hostwright.simulator.tenantos.TenantOsSimulator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TenantOS simulator (demo seed, test pace) on a free port, reached through {@link HttpTenantOsApis} as production
 * reaches TenantOS, except that a client gives up after 1 s and retries do not sleep: the waits they ask for are
 * kept in {@link #waits()}.
 */
final class SimulatedTenantOs implements BackendUnderTest<TenantOsApi>, ScriptedFailures {

    static final Duration CLIENT_PATIENCE = Duration.ofSeconds(1);
    /** Long past the client's patience; the simulator's close ends it. */
    static final Duration HANG = CLIENT_PATIENCE.multipliedBy(10);

    private final TenantOsSimulator simulator = TenantOsSimulator.start(SimulatorConfig.forTests());
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    TenantOsSimulator simulator() {
        return simulator;
    }

    /** What the retries asked to wait, in order. */
    List<Duration> waits() {
        return waits;
    }

    @Override
    public String name() {
        return "the TenantOS simulator";
    }

    @Override
    public TenantOsApi client() {
        return client(simulator.baseUrl(), simulator.apiKey());
    }

    @Override
    public TenantOsApi clientWithCredential(String credential) {
        return client(simulator.baseUrl(), credential);
    }

    @Override
    public TenantOsApi clientAt(String baseUrl) {
        return client(baseUrl, simulator.apiKey());
    }

    private TenantOsApi client(String baseUrl, String apiKey) {
        HttpTenantOsApis apis = new HttpTenantOsApis(secretRef -> apiKey, CLIENT_PATIENCE, CLIENT_PATIENCE, waits::add);
        return apis.of(new TenantOsConnection("contract", "Contract", baseUrl, "contract-key", 0, List.of(), List.of(),
                List.of(), List.of(), "staff@example.com", List.of()));
    }

    @Override
    public String credential() {
        return simulator.apiKey();
    }

    @Override
    public Optional<ScriptedFailures> failures() {
        return Optional.of(this);
    }

    @Override
    public void answer(String route, int times, ErrorAnswer answer) {
        int retryAfter = answer.retryAfter() == null ? 0 : Math.toIntExact(answer.retryAfter().toSeconds());
        simulator.faults().add(times, route, new Fault.Answer(answer.status(), answer.message(), retryAfter));
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
