package io.hostwright.backends.tenantos.http;

import io.hostwright.backends.tenantos.InstallStatus;
import io.hostwright.backends.tenantos.IpAssignment;
import io.hostwright.backends.tenantos.PowerAction;
import io.hostwright.backends.tenantos.ProvisioningProfile;
import io.hostwright.backends.tenantos.Subnet;
import io.hostwright.backends.tenantos.SwitchPort;
import io.hostwright.backends.tenantos.TenantOsApi;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.backends.tenantos.TenantOsServer;
import io.hostwright.backends.tenantos.TenantOsUser;
import io.hostwright.backends.tenantos.TrafficSample;
import io.hostwright.domain.backend.RetryPolicy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Retries {@link BackendFailure.Transient} failures of the calls that are safe to repeat under a
 * {@link RetryPolicy}; when it gives up, the last failure is thrown as it came, with its Retry-After for the step's
 * own retry.
 *
 * <p>Retried: every read (users, servers, servers of an owner, IPs, subnets, a server's profiles, the installation's
 * PXE profiles, install status, switch ports, traffic); writes that set a state rather than change one, so a repeat
 * lands in the same place (the server PUT, the suspended-user list, a port up/down, an rDNS name, power on and power
 * off, leaving the rescue system); the DELETEs (of an assignment: a 404 on a repeat means the first one went
 * through; of a user: a 404 on a repeat is left to the caller, which knows whether the user should exist); and an SSO
 * link (a second token is harmless, the first just expires unused).
 *
 * <p>Not retried, they go through exactly once: creating a user, adding an IP, starting an installation or a disk
 * wipe, starting the rescue system (each could happen twice: a second user or IP, a restarted install, a rescue
 * boot interrupted by its own repeat), and a power reset (a second reset would reboot the server again). A lost
 * answer may mean they happened; the steps reconcile by reading TenantOS before trying again.
 */
public final class RetryingTenantOsApi implements TenantOsApi {

    /** Four calls within 8 s: leaves a 30–60 s function time to record the failure and schedule its own retry. */
    public static final RetryPolicy DEFAULT_POLICY = new RetryPolicy(4, Duration.ofMillis(250),
            Duration.ofSeconds(2), Duration.ofSeconds(8));

    private final TenantOsApi delegate;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final DoubleSupplier random;

    public RetryingTenantOsApi(TenantOsApi delegate) {
        this(delegate, DEFAULT_POLICY, Sleeper.THREAD);
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

    /** Retried: the PUT writes the whole list. */
    @Override
    public void setSuspendedUsers(long serverId, List<Long> userIds) {
        retried(attempt -> {
            delegate.setSuspendedUsers(serverId, userIds);
            return null;
        });
    }

    @Override
    public List<TenantOsServer> serversOwnedBy(long userId) {
        return retried(attempt -> delegate.serversOwnedBy(userId));
    }

    /** Retried; a 404 on a repeat reaches the caller, who decides whether a user that is gone is fine. */
    @Override
    public void deleteUser(long userId) {
        retried(attempt -> {
            delegate.deleteUser(userId);
            return null;
        });
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
            } catch (BackendFailure.Permanent p) {
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

    @Override
    public List<ProvisioningProfile> pxeProfiles() {
        return retried(attempt -> delegate.pxeProfiles());
    }

    /** Not retried: a second start could restart an installation (or disk wipe) that has already begun. */
    @Override
    public void startReinstallation(long serverId, long profileId, String hostname, String rootPassword) {
        delegate.startReinstallation(serverId, profileId, hostname, rootPassword);
    }

    @Override
    public InstallStatus installStatus(long serverId) {
        return retried(attempt -> delegate.installStatus(serverId));
    }

    /** On and off are retried (repeating them changes nothing); a reset is not: it would reboot the server again. */
    @Override
    public void power(long serverId, PowerAction action) {
        if (action == PowerAction.RESET) {
            delegate.power(serverId, action);
            return;
        }
        retried(attempt -> {
            delegate.power(serverId, action);
            return null;
        });
    }

    @Override
    public List<SwitchPort> networkPorts(long serverId) {
        return retried(attempt -> delegate.networkPorts(serverId));
    }

    @Override
    public void setPortEnabled(long serverId, long portId, boolean enabled) {
        retried(attempt -> {
            delegate.setPortEnabled(serverId, portId, enabled);
            return null;
        });
    }

    @Override
    public void setReverseDns(long serverId, String ip, String hostname) {
        retried(attempt -> {
            delegate.setReverseDns(serverId, ip, hostname);
            return null;
        });
    }

    /** Retried: a token whose answer was lost just expires unused. */
    @Override
    public URI ssoLink(long userId, String endpoint, Duration validFor) {
        return retried(attempt -> delegate.ssoLink(userId, endpoint, validFor));
    }

    /** Not retried: a repeat could find the rescue system already booting (409) or reboot it. */
    @Override
    public void startRescue(long serverId, String rootPassword) {
        delegate.startRescue(serverId, rootPassword);
    }

    @Override
    public void stopRescue(long serverId) {
        retried(attempt -> {
            delegate.stopRescue(serverId);
            return null;
        });
    }

    @Override
    public List<TrafficSample> networkTraffic(long serverId, String mode, Instant from, Instant to) {
        return retried(attempt -> delegate.networkTraffic(serverId, mode, from, to));
    }

    private <T> T retried(IntFunction<T> call) {
        long start = nanoTime.getAsLong();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.apply(attempt);
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
