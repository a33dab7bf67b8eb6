package io.hostwright.dynamodb;

import io.hostwright.domain.step.FollowUp;
import io.hostwright.domain.step.StepLedger;
import io.hostwright.domain.service.StepStatus;
import io.hostwright.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.hostwright.dynamodb.Attributes.n;
import static io.hostwright.dynamodb.Attributes.num;
import static io.hostwright.dynamodb.Attributes.s;
import static io.hostwright.dynamodb.Attributes.str;

/**
 * The step ledger on the service's step items ({@code SERVICE#<id> / STEP#<seq>#<name>}, the same items the
 * storefront lists): {@code attempts} is the last claimed attempt, {@code leaseUntil} guards a running claim,
 * {@code followUp} is the message a finished run sends, {@code followUpSent} whether it went out. Beside them, one
 * item per chain ({@code SERVICE#<id> / CHAIN#PROVISIONING} or {@code CHAIN#OP#<operationId>}) says which follow-up
 * the chain waits for and when it is due, indexed by that time in gsi2 for {@link #stalledChains}.
 */
public final class DynamoDbStepLedger implements StepLedger {

    /** The gsi2 partition of every chain's standing item. */
    static final String CHAINS = "STEP-CHAINS";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbStepLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Provisioning steps are {@code STEP#<seq>#<name>}; an operation's are {@code OPSTEP#<operationId>#<seq>#<name>}. */
    static Map<String, AttributeValue> key(String serviceId, String operationId, int sequence, String step) {
        String sk = operationId == null ? String.format("STEP#%03d#%s", sequence, step)
                : String.format("OPSTEP#%s#%03d#%s", operationId, sequence, step);
        return Keys.of("SERVICE#" + serviceId, sk);
    }

    @Override
    public ClaimResult claim(String serviceId, String operationId, int sequence, String step, int attempt, Instant now,
                             Duration lease) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":a", n(attempt));
        values.put(":started", s(StepStatus.STARTED.name()));
        values.put(":lease", n(now.plus(lease).toEpochMilli()));
        values.put(":now", n(now.toEpochMilli()));
        values.put(":at", s(now.toString()));
        values.put(":service", s(serviceId));
        values.put(":seq", n(sequence));
        values.put(":step", s(step));
        values.put(":type", s(operationId == null ? "ProvisioningStep" : "OperationStep"));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(serviceId, operationId, sequence, step))
                    .updateExpression("SET attempts = :a, #status = :started, leaseUntil = :lease, updatedAt = :at, "
                            + "serviceId = :service, #sequence = :seq, #name = :step, #type = :type "
                            + "REMOVE followUp, followUpSent")
                    .conditionExpression("attribute_not_exists(pk) OR attempts < :a "
                            + "OR (attempts = :a AND #status = :started AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#status", "status", "#name", "name", "#sequence", "sequence",
                            "#type", "type"))
                    .expressionAttributeValues(values));
            return new Claimed(serviceId, operationId, sequence, step, attempt);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                    .key(key(serviceId, operationId, sequence, step)).consistentRead(true)).item();
            long claimed = num(item, "attempts");
            boolean running = StepStatus.STARTED.name().equals(str(item, "status"));
            if (claimed == attempt && running) {
                return new Busy(Instant.ofEpochMilli(num(item, "leaseUntil")));
            }
            boolean sent = item.containsKey("followUpSent") && Boolean.TRUE.equals(item.get("followUpSent").bool());
            String followUp = str(item, "followUp");
            return new AlreadyRan(followUp == null || sent ? null : Json.read(followUp, FollowUp.class));
        }
    }

    @Override
    public void complete(Claimed claim, StepStatus status, String detail, FollowUp followUp, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":a", n(claim.attempt()));
        values.put(":status", s(status.name()));
        values.put(":detail", s(detail == null ? "" : detail));
        values.put(":at", s(now.toString()));
        String update = "SET #status = :status, detail = :detail, updatedAt = :at REMOVE leaseUntil";
        if (followUp != null) {
            values.put(":followUp", s(Json.write(followUp)));
            values.put(":sent", AttributeValue.fromBool(false));
            update = "SET #status = :status, detail = :detail, updatedAt = :at, followUp = :followUp, "
                    + "followUpSent = :sent REMOVE leaseUntil";
        }
        String expression = update;
        dynamo.updateItem(b -> b.tableName(table).key(key(claim.serviceId(), claim.operationId(), claim.sequence(), claim.step()))
                .updateExpression(expression)
                .conditionExpression("attempts = :a")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values));
        // where the chain stands: a crash between these two writes leaves the previous follow-up there, which a
        // sweep sends again only if nothing ran since — and the ledger makes that copy harmless
        if (followUp == null) {
            dynamo.deleteItem(b -> b.tableName(table).key(chainKey(claim.serviceId(), claim.operationId())));
        } else {
            dynamo.putItem(b -> b.tableName(table).item(chainItem(claim.serviceId(), claim.operationId(), followUp,
                    now.plus(followUp.delay()), 0)));
        }
    }

    /** A service's provisioning chain is {@code CHAIN#PROVISIONING}; an operation's {@code CHAIN#OP#<operationId>}. */
    static Map<String, AttributeValue> chainKey(String serviceId, String operationId) {
        return Keys.of("SERVICE#" + serviceId, operationId == null ? "CHAIN#PROVISIONING" : "CHAIN#OP#" + operationId);
    }

    private static Map<String, AttributeValue> chainItem(String serviceId, String operationId, FollowUp followUp,
                                                         Instant due, int resends) {
        Map<String, AttributeValue> item = new HashMap<>(chainKey(serviceId, operationId));
        item.put("type", s("StepChain"));
        item.put("serviceId", s(serviceId));
        if (operationId != null) {
            item.put("operationId", s(operationId));
        }
        item.put("followUp", s(Json.write(followUp)));
        item.put("due", s(due.toString()));
        item.put("resends", n(resends));
        item.put("gsi2pk", s(CHAINS));
        item.put("gsi2sk", s(Attributes.sortable(due) + "#" + serviceId + "#" + (operationId == null ? "-" : operationId)));
        return item;
    }

    /** From the gsi2 partition {@value #CHAINS}, by when their follow-up was due. */
    @Override
    public List<StalledChain> stalledChains(Instant dueBefore, int limit) {
        return dynamo.query(b -> b.tableName(table).indexName("gsi2")
                        .keyConditionExpression("gsi2pk = :chains AND gsi2sk < :before")
                        .expressionAttributeValues(Map.of(":chains", s(CHAINS),
                                ":before", s(Attributes.sortable(dueBefore))))
                        .limit(limit))
                .items().stream().map(item -> new StalledChain(str(item, "serviceId"), str(item, "operationId"),
                        Json.read(str(item, "followUp"), FollowUp.class), Instant.parse(str(item, "due")),
                        (int) num(item, "resends")))
                .toList();
    }

    /** Only while the chain is as it was read: one that moved on meanwhile is left alone. */
    @Override
    public void chainResent(StalledChain chain, Instant nextDue) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(chainItem(chain.serviceId(), chain.operationId(), chain.followUp(), nextDue,
                            chain.resends() + 1))
                    .conditionExpression("due = :due AND followUp = :followUp")
                    .expressionAttributeValues(unchanged(chain)));
        } catch (ConditionalCheckFailedException moved) {
            // a run ended meanwhile and recorded where the chain stands now
        }
    }

    @Override
    public void dropChain(StalledChain chain) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(chainKey(chain.serviceId(), chain.operationId()))
                    .conditionExpression("due = :due AND followUp = :followUp")
                    .expressionAttributeValues(unchanged(chain)));
        } catch (ConditionalCheckFailedException moved) {
            // it moved on: not stalled after all
        }
    }

    private static Map<String, AttributeValue> unchanged(StalledChain chain) {
        return Map.of(":due", s(chain.due().toString()), ":followUp", s(Json.write(chain.followUp())));
    }

    @Override
    public void followUpSent(Claimed claim) {
        dynamo.updateItem(b -> b.tableName(table).key(key(claim.serviceId(), claim.operationId(), claim.sequence(), claim.step()))
                .updateExpression("SET followUpSent = :sent")
                .conditionExpression("attempts = :a")
                .expressionAttributeValues(Map.of(":sent", AttributeValue.fromBool(true), ":a", n(claim.attempt()))));
    }

    @Override
    public void release(Claimed claim, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(claim.serviceId(), claim.operationId(), claim.sequence(), claim.step()))
                    .updateExpression("SET leaseUntil = :past")
                    .conditionExpression("attempts = :a AND #status = :started")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":past", n(now.toEpochMilli() - 1), ":a", n(claim.attempt()),
                            ":started", s(StepStatus.STARTED.name()))));
        } catch (ConditionalCheckFailedException ended) {
            // it ended (or a later attempt took over): nothing to let go
        }
    }
}
