package io.hostwright.domain.usage;

import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.UsageSource;
import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.mail.MailDates;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Use case (every five minutes, per service): count the traffic of the windows not counted yet, from the back-end's
 * usage source, into the service's period; then warn, tell and act on the allowance.
 *
 * <ul>
 *   <li>Counting goes on from the period's cursor, so a missed window is caught up on the next run (up to
 *       {@link #CATCH_UP}), and a window polled twice is counted once: totals and cursor move in one conditional
 *       write.</li>
 *   <li>A window the back-end reports negative (its counter was reset) counts nothing, and is reported.</li>
 *   <li>A suspended service counts up to the moment it was suspended; a terminated one is not polled.</li>
 *   <li>Near the allowance the customer is warned once per period; over it, told once per period, and the product's
 *       overuse action runs: nothing more ({@code notify}), a suspend operation ({@code suspend}, undone when the
 *       next period starts), or metered overage ({@code bill}, read by the staff usage export).</li>
 * </ul>
 */
public final class PollUsage {

    /** How far back a service that was not polled for a while is caught up. */
    public static final Duration CATCH_UP = Duration.ofDays(7);

    /** What one poll did. */
    public enum Status { COUNTED, NOTHING_NEW, NOT_POLLED, RACED }

    /**
     * @param windows        windows counted by this poll
     * @param resetWindows   windows the back-end reported negative (a counter reset), counted as nothing
     * @param skippedWindows windows older than {@link #CATCH_UP} left uncounted
     * @param actions        what was done beside counting: mails queued, operations asked for
     */
    public record Outcome(String serviceId, Status status, int windows, long bytesIn, long bytesOut,
                          int resetWindows, long skippedWindows, List<String> actions) {
    }

    private final BackendRegistry backends;
    private final UsageLedger ledger;
    private final MailQueue mail;
    private final OveruseActions operations;
    private final Clock clock;

    public PollUsage(BackendRegistry backends, UsageLedger ledger, MailQueue mail, OveruseActions operations,
                     Clock clock) {
        this.backends = backends;
        this.ledger = ledger;
        this.mail = mail;
        this.operations = operations;
        this.clock = clock;
    }

    /** @throws io.hostwright.domain.backend.BackendFailure when the back-end cannot be read (nothing was counted) */
    public Outcome poll(Service service) {
        Optional<UsageSource> source = backends.find(service.backend()).flatMap(Backend::usage);
        List<String> actions = new ArrayList<>();
        if (source.isEmpty()) {
            return new Outcome(service.serviceId(), Status.NOT_POLLED, 0, 0, 0, 0, 0, actions);
        }
        Instant now = clock.instant();
        Instant upTo;
        if (service.status() == ServiceStatus.ACTIVE) {
            upTo = UsageWindows.floor(now);
        } else if (service.status() == ServiceStatus.SUSPENDED) {
            unsuspendWhenTheSuspensionWasOurs(service, now, actions);
            Instant stopped = service.updatedAt() == null ? now : service.updatedAt();
            upTo = UsageWindows.floor(now).isBefore(UsageWindows.ceil(stopped))
                    ? UsageWindows.floor(now) : UsageWindows.ceil(stopped);
        } else {
            return new Outcome(service.serviceId(), Status.NOT_POLLED, 0, 0, 0, 0, 0, actions);
        }
        Instant anchor = service.createdAt();
        BillingPeriod current = BillingPeriod.containing(anchor, now);
        // the current period is read once; afterwards what the ledger answered to each write stands for it
        UsagePeriod latest = ledger.find(service.serviceId(), current.start()).orElse(null);
        Instant from = latest != null ? latest.cursor() : startOfUncounted(service, current);
        long skipped = 0;
        Instant earliest = upTo.minus(CATCH_UP);
        if (from.isBefore(earliest)) {
            skipped = Duration.between(from, earliest).dividedBy(UsageWindows.SIZE);
            from = UsageWindows.floor(earliest);
        }
        if (!from.isBefore(upTo)) {
            if (latest != null) {
                checkAllowance(service, latest, true, now, actions);
            }
            return new Outcome(service.serviceId(), Status.NOTHING_NEW, 0, 0, 0, 0, skipped, actions);
        }
        Map<Instant, UsageSample> byWindow = new TreeMap<>();
        int resets = 0;
        for (UsageSource.TrafficSample sample : source.get().traffic(service, from, upTo)) {
            Instant window = UsageWindows.floor(sample.start());
            if (window.isBefore(from) || !window.isBefore(upTo) || byWindow.containsKey(window)) {
                continue;
            }
            if (sample.bytesIn() < 0 || sample.bytesOut() < 0) {
                resets++;
            }
            byWindow.put(window, new UsageSample(window, Math.max(0, sample.bytesIn()), Math.max(0, sample.bytesOut())));
        }
        int windows = 0;
        long in = 0;
        long out = 0;
        BillingPeriod period = BillingPeriod.containing(anchor, from);
        while (period.start().isBefore(upTo)) {
            Instant sliceEnd = period.end().isBefore(upTo) ? period.end() : upTo;
            boolean isCurrent = period.equals(current);
            UsagePeriod read = isCurrent && latest != null ? latest : openedOrRead(service, period, from);
            if (read.cursor().isBefore(sliceEnd)) {
                Instant sliceStart = read.cursor();
                List<UsageSample> slice = byWindow.values().stream()
                        .filter(s -> !s.window().isBefore(sliceStart) && s.window().isBefore(sliceEnd)).toList();
                long sliceIn = slice.stream().mapToLong(UsageSample::bytesIn).sum();
                long sliceOut = slice.stream().mapToLong(UsageSample::bytesOut).sum();
                ledger.putSamples(service.serviceId(), period, slice);
                Optional<UsagePeriod> advanced = ledger.advance(read, sliceEnd, sliceIn, sliceOut);
                if (advanced.isEmpty()) {
                    return new Outcome(service.serviceId(), Status.RACED, windows, in, out, resets, skipped, actions);
                }
                read = advanced.get();
                windows += slice.size();
                in += sliceIn;
                out += sliceOut;
                if (!isCurrent) {
                    checkAllowance(service, read, false, now, actions);
                }
            }
            if (isCurrent) {
                latest = read;
            }
            period = period.next(anchor);
        }
        // every poll, not only one that counted: an action refused last time (the server was busy) is retried
        if (latest != null) {
            checkAllowance(service, latest, true, now, actions);
        }
        return new Outcome(service.serviceId(), windows == 0 ? Status.NOTHING_NEW : Status.COUNTED, windows, in, out,
                resets, skipped, actions);
    }

    /** Where counting goes on when this period has no record yet: the last one's cursor, else the service's start. */
    private Instant startOfUncounted(Service service, BillingPeriod current) {
        Optional<UsagePeriod> before = ledger.find(service.serviceId(), current.previous(service.createdAt()).start());
        if (before.isPresent()) {
            return before.get().cursor();
        }
        Instant created = UsageWindows.floor(service.createdAt());
        return created.isAfter(current.start()) ? created : current.start();
    }

    private UsagePeriod openedOrRead(Service service, BillingPeriod period, Instant from) {
        Optional<UsagePeriod> read = ledger.find(service.serviceId(), period.start());
        if (read.isPresent()) {
            return read.get();
        }
        BandwidthPolicy policy = service.sold().bandwidthPolicy();
        Instant cursor = from.isAfter(period.start()) ? from : period.start();
        UsagePeriod fresh = UsagePeriod.opened(service.serviceId(), service.customerId(), service.productId(),
                service.connectionId(), period, cursor, policy.allowanceBytes(service.options()).orElse(null), policy);
        if (ledger.open(fresh)) {
            return fresh;
        }
        return ledger.find(service.serviceId(), period.start()).orElseThrow();
    }

    /**
     * Near the allowance: one warning per period. Over it: one e-mail per period and the overuse action. A mail is
     * queued before it is noted, so a crash in between queues it again and the mailer sends it once.
     */
    private void checkAllowance(Service service, UsagePeriod period, boolean current, Instant now,
                                List<String> actions) {
        if (!period.limited()) {
            return;
        }
        boolean over = period.counted() > period.allowanceBytes();
        boolean near = period.counted() * 100 >= period.allowanceBytes() * period.policy().nearLimitPercent();
        if (near && period.nearMailedAt() == null) {
            if (!over) {
                mail.enqueue(new MailRequest(service.serviceId(), "bandwidth-near-limit#" + period.period().start(),
                        MailTemplate.BANDWIDTH_NEAR_LIMIT, List.of(service.customerEmail()),
                        variables(service, period, null)));
                actions.add("near-limit mail");
            }
            ledger.markNearMailed(period, now);
        }
        if (!over || period.overMailedAt() != null) {
            return;
        }
        BandwidthPolicy.OveruseAction action = period.policy().overuseAction();
        String suspension = null;
        if (action == BandwidthPolicy.OveruseAction.SUSPEND && current && service.status() == ServiceStatus.ACTIVE) {
            Optional<String> asked = suspend(service, period, actions);
            if (asked.isEmpty()) {
                return;
            }
            suspension = asked.get();
        }
        mail.enqueue(new MailRequest(service.serviceId(), "bandwidth-over-limit#" + period.period().start(),
                MailTemplate.BANDWIDTH_OVER_LIMIT, List.of(service.customerEmail()),
                variables(service, period, overuseText(period))));
        actions.add("over-limit mail (" + action.code() + ")");
        ledger.markOverMailed(period, now, suspension);
    }

    /** The suspension asked for; empty when it was refused for now (the next poll asks again). */
    private Optional<String> suspend(Service service, UsagePeriod period, List<String> actions) {
        String reason = "traffic over the allowance: " + tb(period.counted()) + " TB of " + tb(period.allowanceBytes())
                + " TB in the period from " + MailDates.dateTime(period.period().start()) + " to "
                + MailDates.dateTime(period.period().end());
        Optional<String> asked = operations.suspend(service.serviceId(),
                "bandwidth-suspend-" + service.serviceId() + "-" + period.period().start(), reason);
        actions.add(asked.map(id -> "suspend " + id).orElse("suspend refused for now"));
        return asked;
    }

    /** A suspension polling asked for ends when the next period starts, unless someone acted on the service since. */
    private void unsuspendWhenTheSuspensionWasOurs(Service service, Instant now, List<String> actions) {
        BillingPeriod current = BillingPeriod.containing(service.createdAt(), now);
        Optional<UsagePeriod> before = ledger.find(service.serviceId(),
                current.previous(service.createdAt()).start());
        if (before.isEmpty() || before.get().suspendOperationId() == null
                || !operations.latestAndSucceeded(service.serviceId(), before.get().suspendOperationId())) {
            return;
        }
        Optional<String> asked = operations.unsuspend(service.serviceId(),
                "bandwidth-unsuspend-" + service.serviceId() + "-" + current.start(),
                "a new traffic period started on " + MailDates.dateTime(current.start()));
        actions.add(asked.map(id -> "unsuspend " + id).orElse("unsuspend refused for now"));
    }

    private static String overuseText(UsagePeriod period) {
        return switch (period.policy().overuseAction()) {
            case NOTIFY -> "nothing changes for now; please raise the limit or reduce traffic.";
            case SUSPEND -> "the server is suspended until the next period starts on "
                    + MailDates.dateTime(period.period().end()) + ", or until you raise the limit.";
            case BILL -> "each started TB over the limit is billed at " + period.policy().overagePerTb().display()
                    + "; so far " + period.overageTb() + " TB (" + period.overagePrice().display() + ").";
        };
    }

    private static Map<String, String> variables(Service service, UsagePeriod period, String overuse) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(MailVariables.PRODUCT_NAME, service.productName());
        v.put(MailVariables.HOSTNAME, service.label());
        v.put(MailVariables.USED_TB, tb(period.counted()));
        v.put(MailVariables.LIMIT_TB, tb(period.allowanceBytes()));
        if (overuse == null) {
            v.put(MailVariables.USAGE_PERCENT, String.format(Locale.ROOT, "%.0f", Math.floor(period.sharePercent())));
        } else {
            v.put(MailVariables.OVERUSE_ACTION, overuse);
        }
        return v;
    }

    static String tb(long bytes) {
        return String.format(Locale.ROOT, "%.2f", bytes / (double) BandwidthPolicy.BYTES_PER_TB);
    }
}
