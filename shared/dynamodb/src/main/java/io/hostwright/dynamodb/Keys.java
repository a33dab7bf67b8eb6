package io.hostwright.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** Primary keys of the single table; the key design is written down in the README ("Access patterns"). */
final class Keys {

    private Keys() {
    }

    static Map<String, AttributeValue> of(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    static Map<String, AttributeValue> order(String orderId) {
        return of("ORDER#" + orderId, "ORDER");
    }

    static Map<String, AttributeValue> service(String serviceId) {
        return of("SERVICE#" + serviceId, "SERVICE");
    }

    /** Customer ids are free text from the token: length-prefixed so no id/key pair can collide with another. */
    static Map<String, AttributeValue> idempotency(String customerId, String key) {
        return of("IDEMPOTENCY#" + customerId.length() + ":" + customerId + "#" + key, "IDEMPOTENCY");
    }

    static String customerPartition(String customerId) {
        return "CUSTOMER#" + customerId;
    }
}
