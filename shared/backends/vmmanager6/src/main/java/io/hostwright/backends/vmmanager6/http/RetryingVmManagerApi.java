package io.hostwright.backends.vmmanager6.http;

import io.hostwright.backends.vmmanager6.VmAccount;
import io.hostwright.backends.vmmanager6.VmHost;
import io.hostwright.backends.vmmanager6.VmHostRequest;
import io.hostwright.backends.vmmanager6.VmIp;
import io.hostwright.backends.vmmanager6.VmManagerApi;
import io.hostwright.backends.vmmanager6.VmOs;
import io.hostwright.backends.vmmanager6.VmTask;
import io.hostwright.backends.vmmanager6.VmTaskRef;
import io.hostwright.backends.vmmanager6.VmTraffic;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.RetryPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Repeats the calls of {@link VmManagerApi} that are safe to repeat after a {@link BackendFailure.Transient} (a 503 of
 * an instance waking up, another 5xx, a 429, no answer), under a {@link RetryPolicy}; when it gives up, the last
 * failure is thrown as it came, with its Retry-After for the step's own retry. A permanent failure is never repeated.
 *
 * <p>Repeated: every read (accounts by e-mail, hosts by comment or account, a host, a task, a host's IPv4 addresses,
 * the OS templates, traffic), and the writes that set a state rather than change one, so a repeat lands in the same
 * place: suspending and resuming an account, a PTR name.
 *
 * <p>Made once, whatever happens: creating an account or a host, deleting one, start, stop and restart, reinstall,
 * new resources, a bigger disk, a new password, and a single sign-on key. Each starts a task or makes something that
 * a repeat would start or make again (two hosts, a second reinstall, a restart of the restarted host), or finds the
 * first still running (409, host busy). A lost answer may mean the call happened: the steps reconcile by reading
 * VMmanager before they try again (provisioning looks for the host by its comment before any create).
 */
public final class RetryingVmManagerApi implements VmManagerApi {

    /**
     * Four calls within 8 s. VMmanager's guide repeats a call to a sleeping instance after 0.1 s × attempt; here the
     * first wait is at most 0.5 s (0.25 s on average), and the three waits together reach up to 3.5 s (1.75 s on
     * average), so an instance asleep for a second or two is ridden out on reads. A longer sleep is the step
     * machinery's: it retries the step with its backoff. The budget leaves a 30–60 s function time to record the
     * failure and schedule that retry.
     */
    public static final RetryPolicy DEFAULT_POLICY = new RetryPolicy(4, Duration.ofMillis(500),
            Duration.ofSeconds(2), Duration.ofSeconds(8));

    private final VmManagerApi delegate;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final DoubleSupplier random;

    public RetryingVmManagerApi(VmManagerApi delegate) {
        this(delegate, DEFAULT_POLICY, Sleeper.REAL);
    }

    public RetryingVmManagerApi(VmManagerApi delegate, RetryPolicy policy, Sleeper sleeper) {
        this(delegate, policy, sleeper, System::nanoTime, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** For tests: a clock that the sleeper advances, and fixed jitter. */
    RetryingVmManagerApi(VmManagerApi delegate, RetryPolicy policy, Sleeper sleeper, LongSupplier nanoTime,
                         DoubleSupplier random) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Repeated: a read. */
    @Override
    public Optional<VmAccount> findAccountByEmail(String email) {
        return retried(() -> delegate.findAccountByEmail(email));
    }

    /** Made once: a repeat could make a second account, or be refused for the e-mail the first one took. */
    @Override
    public long createAccount(String email, String password) {
        return delegate.createAccount(email, password);
    }

    /** Repeated: it sets the account suspended, so a repeat of one that went through changes nothing. */
    @Override
    public void suspendAccount(long accountId) {
        retried(() -> {
            delegate.suspendAccount(accountId);
            return null;
        });
    }

    /** Repeated: it sets the account active, so a repeat of one that went through changes nothing. */
    @Override
    public void resumeAccount(long accountId) {
        retried(() -> {
            delegate.resumeAccount(accountId);
            return null;
        });
    }

    /** Made once: a repeat of one that went through is refused (404); the caller reads the account instead. */
    @Override
    public void deleteAccount(long accountId) {
        delegate.deleteAccount(accountId);
    }

    /** Repeated: a read. */
    @Override
    public List<VmHost> hostsWithComment(String comment) {
        return retried(() -> delegate.hostsWithComment(comment));
    }

    /** Repeated: a read. */
    @Override
    public List<VmHost> hostsOfAccount(long accountId) {
        return retried(() -> delegate.hostsOfAccount(accountId));
    }

    /** Repeated: a read. */
    @Override
    public Optional<VmHost> host(long hostId) {
        return retried(() -> delegate.host(hostId));
    }

    /** Made once: two creates make two hosts; provisioning looks for the host by its comment before any create. */
    @Override
    public VmTaskRef createHost(VmHostRequest request) {
        return delegate.createHost(request);
    }

    /** Made once: it starts a task; a repeat finds the host busy deleting (409) or gone (404). */
    @Override
    public VmTaskRef deleteHost(long hostId) {
        return delegate.deleteHost(hostId);
    }

    /** Made once: it starts a task; a repeat finds the host busy (409). */
    @Override
    public VmTaskRef start(long hostId) {
        return delegate.start(hostId);
    }

    /** Made once: it starts a task; a repeat finds the host busy (409). */
    @Override
    public VmTaskRef stop(long hostId) {
        return delegate.stop(hostId);
    }

    /** Made once: a repeat would restart the host again. */
    @Override
    public VmTaskRef restart(long hostId) {
        return delegate.restart(hostId);
    }

    /** Made once: a repeat would install the OS again, wiping the disk again. */
    @Override
    public VmTaskRef reinstall(long hostId, long osId, String password) {
        return delegate.reinstall(hostId, osId, password);
    }

    /** Made once: it starts a task; a repeat finds the host busy (409). */
    @Override
    public VmTaskRef changeResources(long hostId, Integer cpuNumber, Long ramMib) {
        return delegate.changeResources(hostId, cpuNumber, ramMib);
    }

    /** Made once: it starts a task; a repeat finds the host busy (409). */
    @Override
    public VmTaskRef resizeDisk(long diskId, long sizeMib) {
        return delegate.resizeDisk(diskId, sizeMib);
    }

    /** Made once: it starts a task; a repeat finds the host busy (409). */
    @Override
    public VmTaskRef changePassword(long hostId, String password) {
        return delegate.changePassword(hostId, password);
    }

    /** Repeated: a read. */
    @Override
    public Optional<VmTask> task(String consulId, String name) {
        return retried(() -> delegate.task(consulId, name));
    }

    /** Repeated: a read. */
    @Override
    public List<VmIp> ipv4(long hostId) {
        return retried(() -> delegate.ipv4(hostId));
    }

    /** Repeated: it sets the address's PTR name, so a repeat of one that went through changes nothing. */
    @Override
    public void setPtr(long ipId, String domain) {
        retried(() -> {
            delegate.setPtr(ipId, domain);
            return null;
        });
    }

    /** Repeated: a read. */
    @Override
    public List<VmOs> osTemplates() {
        return retried(delegate::osTemplates);
    }

    /** Made once: each call issues another one-time key, and the one a lost answer carried is never seen. */
    @Override
    public String ssoKey(String email) {
        return delegate.ssoKey(email);
    }

    @Override
    public String baseUrl() {
        return delegate.baseUrl();
    }

    /** Repeated: a read (of one direction; {@link #traffic} reads both, each repeated on its own). */
    @Override
    public SortedMap<Instant, Long> netBytes(long hostId, VmTraffic.Direction direction, Instant from, Instant to) {
        return retried(() -> delegate.netBytes(hostId, direction, from, to));
    }

    private <T> T retried(Supplier<T> call) {
        long start = nanoTime.getAsLong();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (BackendFailure.Transient failure) {
                if (attempt >= policy.maxAttempts()) {
                    throw failure;
                }
                Duration wait = policy.delay(attempt, random.getAsDouble());
                if (failure.retryAfter() != null && failure.retryAfter().compareTo(wait) > 0) {
                    wait = failure.retryAfter();
                }
                Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
                if (elapsed.plus(wait).compareTo(policy.budget()) > 0) {
                    throw failure;
                }
                sleeper.sleep(wait);
                if (Thread.currentThread().isInterrupted()) {
                    throw failure;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "RetryingVmManagerApi[" + delegate.baseUrl() + ", " + policy.maxAttempts() + " attempts within "
                + policy.budget() + "]";
    }
}
