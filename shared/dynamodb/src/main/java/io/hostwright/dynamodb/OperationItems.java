package io.hostwright.dynamodb;

import io.hostwright.domain.operation.ActionAnswer;
import io.hostwright.domain.operation.ActionLock;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.operation.OperationStatus;
import io.hostwright.domain.service.ServiceStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static io.hostwright.dynamodb.Attributes.instant;
import static io.hostwright.dynamodb.Attributes.n;
import static io.hostwright.dynamodb.Attributes.num;
import static io.hostwright.dynamodb.Attributes.putIfPresent;
import static io.hostwright.dynamodb.Attributes.s;
import static io.hostwright.dynamodb.Attributes.sortable;
import static io.hostwright.dynamodb.Attributes.str;

/**
 * Operation items ({@code SERVICE#<id> / OPERATION#<operationId>}; undispatched, unended ones on the sparse gsi2
 * partition {@link #UNDISPATCHED}), the service's action lock ({@code SERVICE#<id> / LOCK}) and kept answers
 * ({@code ANSWER#<len>:<scope>#<key> / ANSWER}, expired by TTL on {@code expiresAt}).
 */
final class OperationItems {

    static final String UNDISPATCHED = "DISPATCH#OPERATION";

    /**
     * A lock may be written when it is free, already this holder's, or a quick action's lapsed lease (an operation's
     * lock has no {@code leaseUntil}, so it never lapses). Values: {@code :me}, {@code :nowMillis}.
     */
    static final String LOCK_FREE = "attribute_not_exists(pk) OR holderId = :me OR leaseUntil <= :nowMillis";

    /** A key's answer may be written when none is kept, or the kept one expired (TTL deletes lazily). */
    static final String ANSWER_FREE = "attribute_not_exists(pk) OR expiresAt <= :nowSeconds";

    private OperationItems() {
    }

    static Map<String, AttributeValue> toItem(Operation o) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.operation(o.serviceId(), o.operationId()));
        item.put("type", s("Operation"));
        if (!o.dispatched() && !o.status().ended()) {
            item.put("gsi2pk", s(UNDISPATCHED));
            item.put("gsi2sk", s(sortable(o.createdAt()) + "#" + o.operationId()));
        }
        item.put("serviceId", s(o.serviceId()));
        item.put("operationId", s(o.operationId()));
        item.put("kind", s(o.kind().name()));
        // a back-end's own kinds are read back without a lookup: their shape travels with them
        item.put("kindTarget", s(o.kind().target().name()));
        item.put("kindAllowedFrom", s(o.kind().allowedFrom().stream().map(Enum::name).sorted()
                .collect(java.util.stream.Collectors.joining(","))));
        item.put("status", s(o.status().name()));
        putIfPresent(item, "requestedBy", o.requestedBy());
        putIfPresent(item, "reason", o.reason());
        item.put("parameters", AttributeValue.fromM(o.parameters().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue())))));
        putIfPresent(item, "detail", o.detail());
        item.put("dispatched", AttributeValue.fromBool(o.dispatched()));
        item.put("version", n(o.version()));
        item.put("createdAt", s(o.createdAt().toString()));
        item.put("updatedAt", s(o.updatedAt().toString()));
        return item;
    }

    static Operation fromItem(Map<String, AttributeValue> item) {
        AttributeValue parameters = item.get("parameters");
        Map<String, String> params = parameters == null || !parameters.hasM() ? Map.of()
                : parameters.m().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s()));
        AttributeValue dispatched = item.get("dispatched");
        return new Operation(str(item, "serviceId"), str(item, "operationId"),
                kind(item), OperationStatus.valueOf(str(item, "status")),
                str(item, "requestedBy"), str(item, "reason"), params, str(item, "detail"),
                dispatched != null && Boolean.TRUE.equals(dispatched.bool()), num(item, "version"),
                instant(item, "createdAt"), instant(item, "updatedAt"));
    }

    static Map<String, AttributeValue> toItem(ActionLock lock) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.actionLock(lock.serviceId()));
        item.put("type", s("ActionLock"));
        item.put("serviceId", s(lock.serviceId()));
        item.put("holderId", s(lock.holderId()));
        putIfPresent(item, "what", lock.what());
        putIfPresent(item, "since", lock.since() == null ? null : lock.since().toString());
        if (lock.leaseUntil() != null) {
            item.put("leaseUntil", n(lock.leaseUntil().toEpochMilli()));
        }
        return item;
    }

    static Map<String, AttributeValue> lockFreeValues(ActionLock lock, Instant now) {
        return Map.of(":me", s(lock.holderId()), ":nowMillis", n(now.toEpochMilli()));
    }

    static ActionLock lockFromItem(Map<String, AttributeValue> item) {
        AttributeValue lease = item.get("leaseUntil");
        return new ActionLock(str(item, "serviceId"), str(item, "holderId"), str(item, "what"),
                instant(item, "since"), lease == null ? null : Instant.ofEpochMilli(Long.parseLong(lease.n())));
    }

    static Map<String, AttributeValue> toItem(ActionAnswer a) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.answer(a.scope(), a.key()));
        item.put("type", s("ActionAnswer"));
        item.put("scope", s(a.scope()));
        item.put("idempotencyKey", s(a.key()));
        item.put("fingerprint", s(a.fingerprint()));
        item.put("status", n(a.status()));
        putIfPresent(item, "body", a.body());
        putIfPresent(item, "createdAt", a.createdAt() == null ? null : a.createdAt().toString());
        if (a.expiresAt() != null) {
            item.put("expiresAt", n(a.expiresAt().getEpochSecond()));
        }
        return item;
    }

    static Map<String, AttributeValue> answerFreeValues(Instant now) {
        return Map.of(":nowSeconds", n(now.getEpochSecond()));
    }

    static ActionAnswer answerFromItem(Map<String, AttributeValue> item) {
        AttributeValue expires = item.get("expiresAt");
        return new ActionAnswer(str(item, "scope"), str(item, "idempotencyKey"), str(item, "fingerprint"),
                (int) num(item, "status"), str(item, "body"), instant(item, "createdAt"),
                expires == null ? null : Instant.ofEpochSecond(Long.parseLong(expires.n())));
    }

    private static OperationKind kind(Map<String, AttributeValue> item) {
        String name = str(item, "kind");
        String target = str(item, "kindTarget");
        if (target == null) {
            return OperationKind.standard(name).orElseThrow(
                    () -> new IllegalStateException("operation kind " + name + " is not a standard one"));
        }
        java.util.Set<ServiceStatus> allowedFrom = java.util.EnumSet.noneOf(ServiceStatus.class);
        for (String from : str(item, "kindAllowedFrom").split(",")) {
            allowedFrom.add(ServiceStatus.valueOf(from));
        }
        return new OperationKind(name.toLowerCase(java.util.Locale.ROOT), allowedFrom, ServiceStatus.valueOf(target));
    }
}
