package io.hostwright.tenantos;

import io.hostwright.domain.tenantos.InstallStatus;
import io.hostwright.domain.tenantos.IpAssignment;
import io.hostwright.domain.tenantos.ProvisioningProfile;
import io.hostwright.domain.tenantos.Subnet;
import io.hostwright.domain.tenantos.TenantOsApi;
import io.hostwright.domain.tenantos.TenantOsFailure;
import io.hostwright.domain.tenantos.TenantOsServer;
import io.hostwright.domain.tenantos.TenantOsUser;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Retries {@link TenantOsFailure.Transient} failures of the calls that are safe to repeat (reads, the tag search, the
 * whole-object PUT, the DELETE of an assignment) under a {@link RetryPolicy}; when it gives up, the last failure is
 * thrown as it came, with its Retry-After for the step's own retry. Creating a user, adding an IP and starting an
 * installation go through exactly once: a lost answer may mean they happened, and the provisioning steps reconcile
 * by reading TenantOS before trying again.
 */
public final class RetryingTenantOsApi implements TenantOsApi {

    private final TenantOsApi delegate;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final DoubleSupplier random;

    public RetryingTenantOsApi(TenantOsApi delegate) {
        this(delegate, RetryPolicy.DEFAULT, Sleeper.THREAD);
    }

    public RetryingTenantOsApi(TenantOsApi delegate, RetryPolicy policy, Sleeper sleeper) {
        this(delegate, policy, sleeper, System::nanoTime, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** For tests: a clock that the sleeper advances, and fixed jitter. */
    RetryingTenantOsApi(TenantOsApi delegate, RetryPolicy policy, Sleeper sleeper, LongSupplier nanoTime,
                        DoubleSupplier random) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.nanoTime = nanoTime;
        this.random = random;
    }

    @Override
    public Optional<TenantOsUser> findUserByEmail(String email) {
        return retried(attempt -> delegate.findUserByEmail(email));
    }

    /** Not retried: a second POST could create a second user. */
    @Override
    public TenantOsUser createUser(String name, String username, String email, String password, long roleId) {
        return delegate.createUser(name, username, email, password, roleId);
    }

    @Override
    public List<TenantOsServer> serversByTags(List<String> tags) {
        return retried(attempt -> delegate.serversByTags(tags));
    }

    @Override
    public TenantOsServer server(long serverId) {
        return retried(attempt -> delegate.server(serverId));
    }

    /** Retried: the PUT writes owner, hostname and the whole tag list, so repeating it lands in the same state. */
    @Override
    public TenantOsServer updateServer(long serverId, long ownerUserId, String hostname, List<String> tags) {
        return retried(attempt -> delegate.updateServer(serverId, ownerUserId, hostname, tags));
    }

    @Override
    public List<IpAssignment> ipAssignments(long serverId) {
        return retried(attempt -> delegate.ipAssignments(serverId));
    }

    @Override
    public List<Subnet> assignableSubnets(long serverId) {
        return retried(attempt -> delegate.assignableSubnets(serverId));
    }

    @Override
    public List<String> assignableIps(long serverId, long subnetId) {
        return retried(attempt -> delegate.assignableIps(serverId, subnetId));
    }

    /** Not retried: a second POST could assign a second IP. */
    @Override
    public IpAssignment addIpAssignment(long serverId, long subnetId, String ip) {
        return delegate.addIpAssignment(serverId, subnetId, ip);
    }

    /** Retried; a 404 on a repeat means the earlier DELETE went through and only its answer was lost. */
    @Override
    public void removeIpAssignment(long serverId, long assignmentId) {
        retried(attempt -> {
            try {
                delegate.removeIpAssignment(serverId, assignmentId);
            } catch (TenantOsFailure.Permanent p) {
                if (!(attempt > 1 && p.status() == 404)) {
                    throw p;
                }
            }
            return null;
        });
    }

    @Override
    public List<ProvisioningProfile> provisioningProfiles(long serverId) {
        return retried(attempt -> delegate.provisioningProfiles(serverId));
    }

    /** Not retried: a second start could restart an installation that has already begun. */
    @Override
    public void startReinstallation(long serverId, long profileId, String hostname, String rootPassword) {
        delegate.startReinstallation(serverId, profileId, hostname, rootPassword);
    }

    @Override
    public InstallStatus installStatus(long serverId) {
        return retried(attempt -> delegate.installStatus(serverId));
    }

    private <T> T retried(IntFunction<T> call) {
        long start = nanoTime.getAsLong();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.apply(attempt);
            } catch (TenantOsFailure.Transient failure) {
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
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "RetryingTenantOsApi[" + delegate + ", " + policy.maxAttempts() + " attempts within " + policy.budget() + "]";
    }
}
