package io.hostwright.dynamodb;

import io.hostwright.domain.mail.MailClaim;
import io.hostwright.domain.mail.MailLog;
import io.hostwright.domain.mail.MailTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.hostwright.dynamodb.Attributes.n;
import static io.hostwright.dynamodb.Attributes.s;

/**
 * The e-mail log: item {@code SERVICE#<serviceId>} / {@code EMAIL#<event>} with {@code status} SENDING or SENT.
 * A claim is a put that only succeeds when there is no item, or a SENDING item whose {@code leaseUntil} (epoch
 * milliseconds, so it compares as a number) has passed; marking sent and releasing are conditional on the
 * {@code claimId}, so a delivery whose lease was taken over cannot overwrite its successor.
 */
public final class DynamoDbMailLog implements MailLog {

    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    private static final Map<String, String> NAMES = Map.of("#status", "status");
    /** A release can race a new claim between the failed put and the read that explains it; try again then. */
    private static final int CLAIM_ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbMailLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static Map<String, AttributeValue> key(String serviceId, String event) {
        return Keys.of("SERVICE#" + serviceId, "EMAIL#" + event);
    }

    @Override
    public ClaimResult claim(String serviceId, String event, MailTemplate template, int recipients,
                             Instant now, Duration lease) {
        for (int attempt = 1; ; attempt++) {
            MailClaim claim = new MailClaim(serviceId, event, UUID.randomUUID().toString(), now.plus(lease));
            Map<String, AttributeValue> item = new HashMap<>(key(serviceId, event));
            item.put("status", s(SENDING));
            item.put("claimId", s(claim.claimId()));
            item.put("claimedAt", s(now.toString()));
            item.put("leaseUntil", n(claim.leaseUntil().toEpochMilli()));
            item.put("template", s(template.key()));
            item.put("recipients", n(recipients));
            try {
                dynamo.putItem(b -> b.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(pk) OR (#status = :sending AND leaseUntil < :now)")
                        .expressionAttributeNames(NAMES)
                        .expressionAttributeValues(Map.of(":sending", s(SENDING), ":now", n(now.toEpochMilli())))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                return new Claimed(claim);
            } catch (ConditionalCheckFailedException e) {
                Map<String, AttributeValue> existing = e.hasItem() && !e.item().isEmpty() ? e.item() : read(serviceId, event);
                if (existing != null) {
                    return explain(existing);
                }
                if (attempt == CLAIM_ATTEMPTS) {
                    throw new IllegalStateException("mail log entry of " + serviceId + "/" + event
                            + " keeps changing; giving up claiming it", e);
                }
            }
        }
    }

    private static ClaimResult explain(Map<String, AttributeValue> existing) {
        String status = Attributes.str(existing, "status");
        if (SENT.equals(status)) {
            return new AlreadySent(Attributes.instant(existing, "sentAt"));
        }
        return new HeldElsewhere(Instant.ofEpochMilli(Attributes.num(existing, "leaseUntil")));
    }

    @Override
    public boolean markSent(MailClaim claim, Instant sentAt, String messageId) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(claim.serviceId(), claim.event()))
                    .updateExpression("SET #status = :sent, sentAt = :sentAt, messageId = :messageId REMOVE leaseUntil")
                    .conditionExpression("#status = :sending AND claimId = :claimId")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(Map.of(
                            ":sent", s(SENT), ":sentAt", s(sentAt.toString()),
                            ":messageId", s(messageId == null ? "unknown" : messageId),
                            ":sending", s(SENDING), ":claimId", s(claim.claimId())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException e) {
            // the mail service's record of this very message may have got here first
            Map<String, AttributeValue> existing = e.hasItem() ? e.item() : Map.of();
            return messageId != null && SENT.equals(Attributes.str(existing, "status"))
                    && messageId.equals(Attributes.str(existing, "messageId"));
        }
    }

    /**
     * Sets SENT unless it is already: over a claim held or run out, or with no entry at all (the record can arrive
     * for a mail whose entry was never read back); {@code recordedBy} says it was the mail service's record.
     */
    @Override
    public boolean recordSent(String serviceId, String event, String messageId, Instant sentAt) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(serviceId, event))
                    .updateExpression("SET #status = :sent, sentAt = :sentAt, messageId = :messageId,"
                            + " recordedBy = :service REMOVE leaseUntil")
                    .conditionExpression("attribute_not_exists(pk) OR #status <> :sent")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(Map.of(
                            ":sent", s(SENT), ":sentAt", s(sentAt.toString()),
                            ":messageId", s(messageId == null ? "unknown" : messageId),
                            ":service", s("mail-service"))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void release(MailClaim claim) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key(claim.serviceId(), claim.event()))
                    .conditionExpression("#status = :sending AND claimId = :claimId")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(Map.of(":sending", s(SENDING), ":claimId", s(claim.claimId()))));
        } catch (ConditionalCheckFailedException e) {
            // no longer ours: a later delivery took the expired claim over, and it is that one's to finish
        }
    }

    private Map<String, AttributeValue> read(String serviceId, String event) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(serviceId, event))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }
}
