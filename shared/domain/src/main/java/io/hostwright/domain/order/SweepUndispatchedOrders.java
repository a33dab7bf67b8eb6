package io.hostwright.domain.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Use case: finish the dispatch of orders whose acceptance stored them but stopped before their messages were
 * queued (a crash, a queue outage). Runs on a schedule; orders younger than {@link #GRACE} are left to the request
 * that is still handling them.
 */
public final class SweepUndispatchedOrders {

    public static final Duration GRACE = Duration.ofMinutes(2);
    private static final int BATCH = 100;

    private final OrderRepository orders;
    private final OrderDispatch dispatch;
    private final Clock clock;

    public SweepUndispatchedOrders(OrderRepository orders, OrderDispatch dispatch, Clock clock) {
        this.orders = orders;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    /** Outcome of one sweep, for logs and metrics. */
    public record Result(int dispatched, int failed) {
    }

    public Result sweep() {
        Instant cutoff = clock.instant().minus(GRACE);
        List<Order> stuck = orders.findUndispatched(cutoff, BATCH);
        int dispatched = 0;
        int failed = 0;
        for (Order order : stuck) {
            try {
                dispatch.dispatch(order);
                dispatched++;
            } catch (RuntimeException e) {
                failed++;
            }
        }
        return new Result(dispatched, failed);
    }
}
