package io.hostwright.domain.backend;

import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Product;

/** A back-end that holds stock (dedicated servers on a shelf) says how many of a product it could deliver now. */
public interface StockSource {

    /**
     * How many units of {@code product} the connection could hand out now (TenantOS: servers carrying the product's
     * match tags, none of its excluded ones, with no owner and not being installed or wiped).
     *
     * @throws BackendFailure when the back-end cannot be asked
     */
    int available(Connection connection, Product product);
}
