package io.hostwright.domain.usage;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.UsageSource;
import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.fixtures.InMemoryUsageLedger;
import io.hostwright.domain.fixtures.MutableClock;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.SoldProduct;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service sold with a 10 TB allowance on a fake back-end whose traffic the test sets window by window, a ledger in
 * memory, and overuse actions that record what they were asked.
 */
final class UsageWorld {

    static final long TB = BandwidthPolicy.BYTES_PER_TB;
    static final Instant CREATED = Instant.parse("2026-11-15T09:30:00Z");

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    final InMemoryUsageLedger ledger = new InMemoryUsageLedger();
    final List<MailRequest> mails = new CopyOnWriteArrayList<>();
    final Actions actions = new Actions();
    /** Bytes in and out per window start; windows absent moved nothing. */
    final Map<Instant, long[]> traffic = new TreeMap<>();
    volatile BackendFailure failure;
    int reads;
    Service service;

    UsageWorld(BandwidthPolicy policy) {
        service = service(policy, ServiceStatus.ACTIVE, CREATED);
    }

    static Service service(BandwidthPolicy policy, ServiceStatus status, Instant created) {
        SoldProduct sold = new SoldProduct("p1", "Dedicated", ServiceType.DEDICATED, "fake", "c1", "noc@example.test",
                BillingCycle.MONTHLY, Map.of(BandwidthPolicy.ALLOWANCE_OPTION, "10"), Map.of(), policy);
        return new Service("svc_1", "ord_1", "cust", "cust@example.test", sold, "web1.example.com", "debian-12",
                "Debian 12", status, null, 1, created, created);
    }

    static BandwidthPolicy policy(BandwidthPolicy.OveruseAction action) {
        return new BandwidthPolicy(BandwidthPolicy.Metering.TOTAL, 80, action,
                action == BandwidthPolicy.OveruseAction.BILL ? new Price("EUR", 150) : null, null);
    }

    /** Every window in {@code [from, to)} moves {@code bytesIn} and {@code bytesOut}. */
    void flow(Instant from, Instant to, long bytesIn, long bytesOut) {
        for (Instant w = UsageWindows.floor(from); w.isBefore(to); w = w.plus(UsageWindows.SIZE)) {
            traffic.put(w, new long[]{bytesIn, bytesOut});
        }
    }

    PollUsage poll() {
        UsageSource source = new UsageSource() {
            @Override
            public int concurrencyPerConnection() {
                return 2;
            }

            @Override
            public List<TrafficSample> traffic(Service s, Instant from, Instant to) {
                synchronized (UsageWorld.this) {
                    reads++;
                }
                if (failure != null) {
                    throw failure;
                }
                List<TrafficSample> samples = new ArrayList<>();
                traffic.forEach((window, bytes) -> {
                    if (!window.isBefore(from) && window.isBefore(to)) {
                        samples.add(new TrafficSample(window, bytes[0], bytes[1]));
                    }
                });
                return samples;
            }
        };
        return new PollUsage(FakeBackend.registry(new FakeBackend("fake", null, null, null).withUsage(source)),
                ledger, mails::add, actions, clock);
    }

    PollUsage.Outcome pollAt(Instant at) {
        clock.set(at);
        return poll().poll(service);
    }

    UsagePeriod period(Instant at) {
        return ledger.find(service.serviceId(), BillingPeriod.containing(CREATED, at).start()).orElseThrow();
    }

    List<MailRequest> mails(String template) {
        return mails.stream().filter(m -> m.template().key().equals(template)).toList();
    }

    /** Overuse actions that answer an operation id (or refuse while {@code refuse} is set) and remember each ask. */
    static final class Actions implements OveruseActions {

        final List<String> asked = new CopyOnWriteArrayList<>();
        volatile boolean refuse;
        volatile boolean latestAndSucceeded = true;

        @Override
        public Optional<String> suspend(String serviceId, String idempotencyKey, String reason) {
            asked.add("suspend " + idempotencyKey + " " + reason);
            return refuse ? Optional.empty() : Optional.of("op_" + idempotencyKey);
        }

        @Override
        public Optional<String> unsuspend(String serviceId, String idempotencyKey, String reason) {
            asked.add("unsuspend " + idempotencyKey);
            return refuse ? Optional.empty() : Optional.of("op_" + idempotencyKey);
        }

        @Override
        public boolean latestAndSucceeded(String serviceId, String operationId) {
            return latestAndSucceeded;
        }
    }

    static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }
}
