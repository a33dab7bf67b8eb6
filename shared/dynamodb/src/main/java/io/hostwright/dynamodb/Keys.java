package io.hostwright.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** Primary keys of the single table; the key design is written down in the README ("Access patterns"). */
final class Keys {

    static final String OPERATION_PREFIX = "OPERATION#";

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

    static String servicePartition(String serviceId) {
        return "SERVICE#" + serviceId;
    }

    /** Operation ids sort by creation time, so a service's operations sort by {@code sk}. */
    static Map<String, AttributeValue> operation(String serviceId, String operationId) {
        return of(servicePartition(serviceId), OPERATION_PREFIX + operationId);
    }

    /** The prefix of the step ledger's items of one operation: {@code OPSTEP#<operationId>#<seq>#<step>}. */
    static String operationStepPrefix(String operationId) {
        return "OPSTEP#" + operationId + "#";
    }

    static Map<String, AttributeValue> actionLock(String serviceId) {
        return of(servicePartition(serviceId), "LOCK");
    }

    /** Scopes are free text ({@code customer:<id>}): length-prefixed like {@link #idempotency}. */
    static Map<String, AttributeValue> answer(String scope, String key) {
        return of("ANSWER#" + scope.length() + ":" + scope + "#" + key, "ANSWER");
    }

    static String customerPartition(String customerId) {
        return "CUSTOMER#" + customerId;
    }
}
