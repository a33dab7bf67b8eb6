package io.hostwright.domain.usage;

import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.problem.InvalidRequest;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Use case (staff): what the billing system invoices for traffic — every service whose period started in a month
 * and has metered overage ({@code bill}): the started TB over its allowance and their price, and whether the period
 * has closed (its figures final) or may still grow.
 */
public final class UsageExport {

    public static final int MAX_PAGE = 5_000;

    public record Row(String serviceId, String customerId, String productId, Instant periodStart, Instant periodEnd,
                      boolean closed, long countedBytes, long allowanceBytes, long overageTb, Price unitPrice,
                      Price amount) {
    }

    /** @param next the cursor of the next page; null on the last */
    public record Page(YearMonth month, List<Row> rows, String next) {
    }

    private final UsageLedger ledger;
    private final Clock clock;

    public UsageExport(UsageLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public Page page(YearMonth month, String after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw InvalidRequest.of("limit", "must be 1.." + MAX_PAGE);
        }
        Instant now = clock.instant();
        UsageLedger.Page page = ledger.billable(month, after, limit);
        List<Row> rows = page.periods().stream()
                .filter(p -> p.overageTb() > 0 && p.overagePrice() != null)
                .map(p -> new Row(p.serviceId(), p.customerId(), p.productId(), p.period().start(), p.period().end(),
                        !now.isBefore(p.period().end()), p.counted(), p.allowanceBytes(), p.overageTb(),
                        p.policy().overagePerTb(), p.overagePrice()))
                .toList();
        return new Page(month, rows, page.next());
    }
}
