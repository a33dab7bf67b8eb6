package io.hostwright.domain.usage;

import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.customer.Customer;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Use case (customer): a service's traffic this period — used, included, share, where it is heading by the period's
 * end at its typical rate, overage so far and its price, the 95th percentile of the 5-minute rates, and an hourly series to plot
 * (the "metered billing details" client function). Another customer's service is not found.
 */
public final class BandwidthReport {

    /**
     * @param countedUpTo     every window before it is counted
     * @param allowanceBytes  null when the traffic is not limited
     * @param sharePercent    null when not limited
     * @param projectedBytes  counted bytes at the period's end, at the typical rate (the median window of the last day)
     * @param overagePrice    null unless the product bills overage
     * @param p95BitsPerSecond the 95th percentile of the 5-minute rates of the counted bytes
     */
    public record View(String serviceId, BillingPeriod period, Instant countedUpTo, String metering,
                       long bytesIn, long bytesOut, long countedBytes, Long allowanceBytes, Double sharePercent,
                       long projectedBytes, String overuseAction, long overageTb, Price overagePerTb,
                       Price overagePrice, long p95BitsPerSecond, List<Point> series) {
    }

    /** One hour of the period. */
    public record Point(Instant start, long bytesIn, long bytesOut) {
    }

    private final ServiceRepository services;
    private final UsageLedger ledger;
    private final Clock clock;

    public BandwidthReport(ServiceRepository services, UsageLedger ledger, Clock clock) {
        this.services = services;
        this.ledger = ledger;
        this.clock = clock;
    }

    public View of(Customer customer, String serviceId) {
        Service service = services.findService(serviceId)
                .filter(s -> s.customerId().equals(customer.id()))
                .orElseThrow(() -> new NotFound("service", serviceId));
        BillingPeriod period = BillingPeriod.containing(service.createdAt(), clock.instant());
        BandwidthPolicy policy = service.sold().bandwidthPolicy();
        Instant firstWindow = UsageWindows.floor(service.createdAt()).isAfter(period.start())
                ? UsageWindows.floor(service.createdAt()) : period.start();
        // nothing counted yet: counted up to where counting will start
        UsagePeriod usage = ledger.find(serviceId, period.start()).orElseGet(() -> UsagePeriod.opened(serviceId,
                service.customerId(), service.productId(), service.connectionId(), period, firstWindow,
                policy.allowanceBytes(service.options()).orElse(null), policy));
        List<UsageSample> samples = ledger.samples(serviceId, period.start());
        return new View(serviceId, period, usage.cursor(), usage.policy().metering().code(), usage.bytesIn(),
                usage.bytesOut(), usage.counted(), usage.allowanceBytes(), usage.sharePercent(),
                projected(usage, samples, firstWindow), usage.policy().overuseAction().code(), usage.overageTb(),
                usage.policy().overagePerTb(), usage.overagePrice(),
                p95(samples, usage.policy().metering(), windowsCounted(firstWindow, usage.cursor())), hourly(samples));
    }

    /** How far back the typical window is taken from. */
    static final Duration TYPICAL_OVER = Duration.ofHours(24);

    /**
     * The counted bytes at the period's end if traffic goes on at its typical rate: the median window of the last
     * 24 hours counted (a window without a sample moved nothing), so one burst does not project itself over the
     * whole period.
     */
    static long projected(UsagePeriod usage, List<UsageSample> samples, Instant firstWindow) {
        Instant from = usage.cursor().minus(TYPICAL_OVER).isAfter(firstWindow)
                ? usage.cursor().minus(TYPICAL_OVER) : firstWindow;
        long windows = windowsCounted(from, usage.cursor());
        if (windows == 0) {
            return usage.counted();
        }
        long[] bytes = new long[(int) windows];
        int filled = 0;
        for (UsageSample s : samples) {
            if (!s.window().isBefore(from) && s.window().isBefore(usage.cursor()) && filled < bytes.length) {
                bytes[filled++] = usage.policy().metering().counted(s.bytesIn(), s.bytesOut());
            }
        }
        Arrays.sort(bytes);
        long typical = bytes[(bytes.length - 1) / 2];
        long remaining = windowsCounted(usage.cursor(), usage.period().end());
        return usage.counted() + typical * remaining;
    }

    static long windowsCounted(Instant firstWindow, Instant cursor) {
        return Math.max(0, Duration.between(firstWindow, cursor).dividedBy(UsageWindows.SIZE));
    }

    /**
     * The 95th percentile of the 5-minute rates, in bits per second: every counted window's rate (a window without a
     * sample moved nothing) sorted, the top 5 % dropped, the highest remaining one.
     */
    static long p95(List<UsageSample> samples, BandwidthPolicy.Metering metering, long windows) {
        long n = Math.max(windows, samples.size());
        if (n == 0) {
            return 0;
        }
        long[] bytes = new long[(int) Math.min(Integer.MAX_VALUE, n)];
        for (int i = 0; i < samples.size() && i < bytes.length; i++) {
            bytes[i] = metering.counted(samples.get(i).bytesIn(), samples.get(i).bytesOut());
        }
        Arrays.sort(bytes);
        int index = (int) Math.ceil(0.95 * bytes.length) - 1;
        return bytes[Math.max(0, index)] * 8 / UsageWindows.SIZE.toSeconds();
    }

    static List<Point> hourly(List<UsageSample> samples) {
        Map<Instant, long[]> hours = new TreeMap<>();
        for (UsageSample s : samples) {
            long[] sum = hours.computeIfAbsent(s.window().truncatedTo(ChronoUnit.HOURS), h -> new long[2]);
            sum[0] += s.bytesIn();
            sum[1] += s.bytesOut();
        }
        return hours.entrySet().stream().map(e -> new Point(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
