package io.hostwright.domain.order;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;

import java.util.Map;

/**
 * An order that satisfies its product: every choice resolved, defaults applied.
 *
 * @param hostname null when the product's kind of service has none
 * @param os       null when the product offers no OS
 * @param options  every option of the product in canonical form
 */
record ValidatedOrder(Product product, BillingCycle billingCycle, Price price, String hostname, OsTemplate os,
                      Map<String, String> options) {
}
