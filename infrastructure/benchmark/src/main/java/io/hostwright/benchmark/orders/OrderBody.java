package io.hostwright.benchmark.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Product;

/** A valid order of one catalog product; only the host name changes from order to order. */
record OrderBody(String productId, String billingCycle, String os, int ipv4, int bandwidthTb) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Monthly if the product is sold monthly, its first OS, the included addresses and default traffic. */
    static OrderBody of(Product product) {
        BillingCycle cycle = product.price(BillingCycle.MONTHLY).isPresent() ? BillingCycle.MONTHLY
                : product.prices().keySet().stream().sorted().findFirst().orElseThrow();
        return new OrderBody(product.productId(), cycle.code(), product.osTemplates().getFirst().id(),
                Integer.parseInt(product.option("ipv4").orElseThrow().defaultValue()),
                Integer.parseInt(product.option("bandwidthTb").orElseThrow().defaultValue()));
    }

    String json(String keyPrefix, int n) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("productId", productId)
                .put("billingCycle", billingCycle)
                .put("hostname", "srv" + n + "." + keyPrefix + ".example.test")
                .put("os", os);
        body.putObject("options").put("ipv4", ipv4).put("bandwidthTb", bandwidthTb);
        return body.toString();
    }
}
