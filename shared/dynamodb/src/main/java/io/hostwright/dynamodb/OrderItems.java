package io.hostwright.dynamodb;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.hostwright.dynamodb.Attributes.instant;
import static io.hostwright.dynamodb.Attributes.n;
import static io.hostwright.dynamodb.Attributes.num;
import static io.hostwright.dynamodb.Attributes.putIfPresent;
import static io.hostwright.dynamodb.Attributes.s;
import static io.hostwright.dynamodb.Attributes.sortable;
import static io.hostwright.dynamodb.Attributes.str;

/**
 * Order items ({@code ORDER#<id> / ORDER}, listed per customer on gsi1, undispatched ones on the sparse gsi2
 * partition {@link #UNDISPATCHED}) and idempotency records (expired by TTL on {@code expiresAt}).
 */
final class OrderItems {

    static final String UNDISPATCHED = "DISPATCH#PENDING";

    private OrderItems() {
    }

    static Map<String, AttributeValue> toItem(Order o) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.order(o.orderId()));
        item.put("type", s("Order"));
        item.put("gsi1pk", s(Keys.customerPartition(o.customerId())));
        item.put("gsi1sk", s("ORDER#" + sortable(o.acceptedAt()) + "#" + o.orderId()));
        if (!o.dispatched()) {
            item.put("gsi2pk", s(UNDISPATCHED));
            item.put("gsi2sk", s(sortable(o.acceptedAt()) + "#" + o.orderId()));
        }
        item.put("orderId", s(o.orderId()));
        item.put("serviceId", s(o.serviceId()));
        item.put("customerId", s(o.customerId()));
        putIfPresent(item, "customerEmail", o.customerEmail());
        item.put("productId", s(o.productId()));
        item.put("productName", s(o.productName()));
        item.put("backend", s(o.backend()));
        item.put("billingCycle", s(o.billingCycle().name()));
        item.put("currency", s(o.price().currency()));
        item.put("amountMinor", n(o.price().amountMinor()));
        putIfPresent(item, "hostname", o.hostname());
        putIfPresent(item, "osTemplateId", o.osTemplateId());
        putIfPresent(item, "osName", o.osName());
        item.put("options", s(Json.write(o.options())));
        putIfPresent(item, "optionsText", o.optionsText());
        item.put("acceptedAt", s(o.acceptedAt().toString()));
        putIfPresent(item, "dispatchedAt", o.dispatchedAt() == null ? null : o.dispatchedAt().toString());
        return item;
    }

    static Order fromItem(Map<String, AttributeValue> item) {
        return new Order(str(item, "orderId"), str(item, "serviceId"), str(item, "customerId"),
                str(item, "customerEmail"), str(item, "productId"), str(item, "productName"), str(item, "backend"),
                BillingCycle.valueOf(str(item, "billingCycle")),
                new Price(str(item, "currency"), num(item, "amountMinor")), str(item, "hostname"),
                str(item, "osTemplateId"), str(item, "osName"), options(str(item, "options")),
                str(item, "optionsText"), instant(item, "acceptedAt"), instant(item, "dispatchedAt"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> options(String json) {
        return json == null ? Map.of() : Json.read(json, Map.class);
    }

    static Map<String, AttributeValue> toItem(IdempotencyRecord r) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.idempotency(r.customerId(), r.key()));
        item.put("type", s("IdempotencyRecord"));
        item.put("customerId", s(r.customerId()));
        item.put("idempotencyKey", s(r.key()));
        item.put("fingerprint", s(r.fingerprint()));
        item.put("orderId", s(r.orderId()));
        item.put("serviceId", s(r.serviceId()));
        item.put("createdAt", s(r.createdAt().toString()));
        item.put("expiresAt", n(r.expiresAt().getEpochSecond()));
        return item;
    }

    static IdempotencyRecord recordFromItem(Map<String, AttributeValue> item) {
        return new IdempotencyRecord(str(item, "customerId"), str(item, "idempotencyKey"), str(item, "fingerprint"),
                str(item, "orderId"), str(item, "serviceId"), instant(item, "createdAt"),
                Instant.ofEpochSecond(num(item, "expiresAt")));
    }
}
