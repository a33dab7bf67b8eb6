package io.hostwright.functions.orders;

import io.hostwright.domain.customer.Customer;
import io.hostwright.domain.order.PlaceOrder;
import io.hostwright.lambda.api.JsonBody;

import java.util.Set;

/**
 * Decodes {@code POST /v1/orders}: field types and unknown fields here, business rules (which options a product
 * has, their ranges) in the use case.
 */
final class PlaceOrderBody {

    private static final Set<String> FIELDS = Set.of("productId", "billingCycle", "hostname", "os", "options");

    private PlaceOrderBody() {
    }

    static PlaceOrder decode(byte[] body, Customer customer, String idempotencyKey) {
        JsonBody json = JsonBody.parse(body).allowOnly("", FIELDS);
        PlaceOrder order = new PlaceOrder(customer, idempotencyKey,
                json.id("productId"), json.string("billingCycle"), json.string("hostname"), json.string("os"),
                json.scalars("options"));
        json.throwIfInvalid();
        return order;
    }
}
