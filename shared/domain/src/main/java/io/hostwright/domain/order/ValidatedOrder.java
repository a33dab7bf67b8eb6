package io.hostwright.domain.order;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;

/** An order that satisfies its product: every choice resolved, defaults applied. */
record ValidatedOrder(Product product, BillingCycle billingCycle, Price price, String hostname, OsTemplate os,
                      int ipv4, int bandwidthTb) {
}
