package io.hostwright.backends.vmmanager6;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * VMmanager 6 as the module uses it: accounts, hosts (virtual machines) and the tasks their changes run as, the OS
 * templates, IP pools and traffic metrics. Every change answers the task it started; the module waits for it.
 * Failures are {@link io.hostwright.domain.backend.BackendFailure}s.
 */
public interface VmManagerApi {

    Optional<VmAccount> findAccountByEmail(String email);

    /** @return the new account's id */
    long createAccount(String email, String password);

    void suspendAccount(long accountId);

    void resumeAccount(long accountId);

    void deleteAccount(long accountId);

    /** Hosts whose comment is exactly {@code comment} (the module writes the service id there). */
    List<VmHost> hostsWithComment(String comment);

    /** Hosts of an account. */
    List<VmHost> hostsOfAccount(long accountId);

    Optional<VmHost> host(long hostId);

    /** Not idempotent upstream: the module looks for its host first. */
    VmTaskRef createHost(VmHostRequest request);

    VmTaskRef deleteHost(long hostId);

    VmTaskRef start(long hostId);

    VmTaskRef stop(long hostId);

    VmTaskRef restart(long hostId);

    VmTaskRef reinstall(long hostId, long osId, String password);

    VmTaskRef changeResources(long hostId, Integer cpuNumber, Long ramMib);

    VmTaskRef resizeDisk(long diskId, long sizeMib);

    VmTaskRef changePassword(long hostId, String password);

    /** The task named {@code name} with this consul id; empty when VMmanager does not (yet) list it. */
    Optional<VmTask> task(String consulId, String name);

    List<VmIp> ipv4(long hostId);

    void setPtr(long ipId, String domain);

    List<VmOs> osTemplates();

    /** A one-time key that logs the account's owner into VMmanager; the link is {@code <base>/auth/key-v4/<key>}. */
    String ssoKey(String email);

    String baseUrl();

    /**
     * Bytes the host moved one way per 300-second step within {@code [from, to)}, by the step's start: its
     * {@code net_rx} metric (what the VM received, {@link VmTraffic.Direction#IN in}) or {@code net_tx} (what it
     * sent, {@link VmTraffic.Direction#OUT out}). One call.
     */
    SortedMap<Instant, Long> netBytes(long hostId, VmTraffic.Direction direction, Instant from, Instant to);

    /**
     * Bytes moved per 300-second step within {@code [from, to)}, both ways: {@link #netBytes} in, then out, two
     * calls, each repeated on its own where the client repeats reads.
     */
    default List<VmTraffic> traffic(long hostId, Instant from, Instant to) {
        return VmTraffic.of(netBytes(hostId, VmTraffic.Direction.IN, from, to),
                netBytes(hostId, VmTraffic.Direction.OUT, from, to));
    }
}
