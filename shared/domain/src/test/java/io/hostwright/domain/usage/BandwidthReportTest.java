package io.hostwright.domain.usage;

import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.customer.Customer;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.service.ProvisioningStep;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;
import io.hostwright.domain.service.ServiceStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.hostwright.domain.usage.UsageWorld.TB;
import static io.hostwright.domain.usage.UsageWorld.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The customer's view of a period, from what polling counted in a {@link UsageWorld}. */
class BandwidthReportTest {

    private static final Customer OWNER = new Customer("cust", "cust@example.test");

    private static BandwidthReport report(UsageWorld world) {
        ServiceRepository services = new ServiceRepository() {
            @Override
            public Optional<Service> findService(String serviceId) {
                return Optional.of(world.service).filter(s -> s.serviceId().equals(serviceId));
            }

            @Override
            public List<Service> listByCustomer(String customerId) {
                return List.of();
            }

            @Override
            public List<ProvisioningStep> steps(String serviceId) {
                return List.of();
            }

            @Override
            public boolean replace(Service expected, Service updated) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void recordStep(ProvisioningStep step) {
                throw new UnsupportedOperationException();
            }
        };
        return new BandwidthReport(services, world.ledger, world.clock);
    }

    @Test
    void beforeAnythingIsCountedItShowsNothingCountedFromWhereCountingStarts() {
        UsageWorld world = new UsageWorld(UsageWorld.policy(BandwidthPolicy.OveruseAction.NOTIFY));
        world.clock.set(UsageWorld.CREATED.plus(minutes(3)));

        BandwidthReport.View view = report(world).of(OWNER, "svc_1");

        assertThat(view.countedUpTo()).isEqualTo(Instant.parse("2026-11-15T09:30:00Z"));
        assertThat(view.countedBytes()).isZero();
        assertThat(view.projectedBytes()).isZero();
        assertThat(view.allowanceBytes()).isEqualTo(10 * TB);
        assertThat(view.series()).isEmpty();
    }

    @Test
    void theNinetyFifthPercentileDropsTheTopFivePercentOfWindows() {
        UsageWorld world = new UsageWorld(UsageWorld.policy(BandwidthPolicy.OveruseAction.NOTIFY));
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        world.service = UsageWorld.service(world.service.sold().bandwidthPolicy(), ServiceStatus.ACTIVE, start);
        // 100 windows: 95 move 300 MB (8 Mbit/s), 5 bursts move 30 GB each
        world.flow(start, start.plus(minutes(500)), 0, 300_000_000L);
        for (int i = 0; i < 5; i++) {
            world.traffic.put(start.plus(minutes(5L * (10 + 17 * i))), new long[]{0, 30_000_000_000L});
        }
        world.pollAt(start.plus(minutes(500)));

        BandwidthReport.View view = report(world).of(OWNER, "svc_1");

        assertThat(view.p95BitsPerSecond()).isEqualTo(300_000_000L * 8 / 300);
        assertThat(view.countedBytes()).isEqualTo(95 * 300_000_000L + 5 * 30_000_000_000L);
        assertThat(view.series()).hasSize(9);
        long windowsLeft = java.time.Duration.between(view.countedUpTo(), view.period().end()).toMinutes() / 5;
        assertThat(view.projectedBytes()).as("the typical window, not the bursts, carried on to the period's end")
                .isEqualTo(view.countedBytes() + windowsLeft * 300_000_000L);
        assertThat(view.series().stream().mapToLong(BandwidthReport.Point::bytesOut).sum())
                .isEqualTo(view.countedBytes());
    }

    @Test
    void anotherCustomersServiceIsNotFound() {
        UsageWorld world = new UsageWorld(UsageWorld.policy(BandwidthPolicy.OveruseAction.NOTIFY));

        assertThatThrownBy(() -> report(world).of(new Customer("mallory", "m@example.test"), "svc_1"))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> report(world).of(OWNER, "svc_2")).isInstanceOf(NotFound.class);
    }
}
