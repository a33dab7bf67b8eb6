package io.hostwright.domain.template;

import java.time.Instant;
import java.util.Objects;

/**
 * How many units of a product its back-end could deliver, as the last sync that saw a change counted them.
 *
 * @param since   when the count became this
 * @param alerted staff were told the stock fell below the product's threshold, and it has not recovered since
 */
public record StockLevel(String productId, int available, Instant since, boolean alerted) {

    public StockLevel {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(since, "since");
        if (available < 0) {
            throw new IllegalArgumentException("available must not be negative: " + available);
        }
    }

    public boolean outOfStock() {
        return available == 0;
    }
}
