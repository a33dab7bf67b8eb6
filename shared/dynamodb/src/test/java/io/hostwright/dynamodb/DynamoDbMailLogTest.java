package io.hostwright.dynamodb;

import io.hostwright.domain.mail.MailClaim;
import io.hostwright.domain.mail.MailLog;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail log's conditional writes against DynamoDB Local. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbMailLogTest {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private final Instant now = Instant.parse("2026-11-22T10:00:00.250Z");
    private final String serviceId = "svc_" + UUID.randomUUID();
    private DynamoDbMailLog log;
    private LocalAws aws;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        log = new DynamoDbMailLog(aws.dynamoDb(), aws.tableName());
    }

    @Test
    void aFirstClaimWritesASendingItemWithItsLease() {
        MailLog.ClaimResult result = claim(now);

        MailClaim claim = claimed(result);
        assertThat(claim.leaseUntil()).isEqualTo(now.plus(LEASE));
        Map<String, AttributeValue> item = item();
        assertThat(item.get("status").s()).isEqualTo("SENDING");
        assertThat(item.get("claimId").s()).isEqualTo(claim.claimId());
        assertThat(item.get("claimedAt").s()).isEqualTo(now.toString());
        assertThat(item.get("leaseUntil").n()).isEqualTo(Long.toString(now.plus(LEASE).toEpochMilli()));
        assertThat(item.get("template").s()).isEqualTo("server-ready");
        assertThat(item.get("recipients").n()).isEqualTo("2");
    }

    @Test
    void aLiveClaimIsHeldElsewhereUntilItsLeaseRunsOut() {
        claim(now);

        assertThat(claim(now.plus(LEASE))).isEqualTo(new MailLog.HeldElsewhere(now.plus(LEASE)));
        assertThat(claim(now.plus(LEASE).plusMillis(1))).isInstanceOf(MailLog.Claimed.class);
    }

    @Test
    void markSentRecordsTheMailAndLaterClaimsFindItSent() {
        MailClaim claim = claimed(claim(now));
        Instant sentAt = now.plusSeconds(1);

        assertThat(log.markSent(claim, sentAt, "ses-1")).isTrue();

        Map<String, AttributeValue> item = item();
        assertThat(item.get("status").s()).isEqualTo("SENT");
        assertThat(item.get("sentAt").s()).isEqualTo(sentAt.toString());
        assertThat(item.get("messageId").s()).isEqualTo("ses-1");
        assertThat(item).doesNotContainKey("leaseUntil");
        assertThat(claim(now.plus(Duration.ofDays(30)))).isEqualTo(new MailLog.AlreadySent(sentAt));
    }

    @Test
    void aTakenOverClaimCanNeitherMarkSentNorRelease() {
        MailClaim stale = claimed(claim(now));
        MailClaim current = claimed(claim(now.plus(LEASE).plusSeconds(1)));

        assertThat(log.markSent(stale, now.plus(LEASE), "ses-stale")).isFalse();
        log.release(stale);

        assertThat(item().get("claimId").s()).isEqualTo(current.claimId());
        assertThat(log.markSent(current, now.plus(LEASE).plusSeconds(2), "ses-2")).isTrue();
        assertThat(item().get("messageId").s()).isEqualTo("ses-2");
    }

    @Test
    void releaseDeletesTheClaimSoTheNextDeliveryMayClaimAtOnce() {
        MailClaim claim = claimed(claim(now));

        log.release(claim);

        assertThat(item()).isEmpty();
        assertThat(claim(now.plusSeconds(1))).isInstanceOf(MailLog.Claimed.class);
    }

    @Test
    void aSentMailIsNeverReleased() {
        MailClaim claim = claimed(claim(now));
        log.markSent(claim, now, "ses-1");

        log.release(claim);

        assertThat(item().get("status").s()).isEqualTo("SENT");
    }

    @Test
    void concurrentClaimsOfOneEventHaveOneWinner() throws Exception {
        int contenders = 8;
        CyclicBarrier start = new CyclicBarrier(contenders);
        List<Callable<MailLog.ClaimResult>> tasks = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            tasks.add(() -> {
                start.await();
                return claim(now);
            });
        }
        List<MailLog.ClaimResult> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(contenders)) {
            for (Future<MailLog.ClaimResult> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
        }

        assertThat(results).filteredOn(r -> r instanceof MailLog.Claimed).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof MailLog.HeldElsewhere).hasSize(contenders - 1);
    }

    @Test
    void theMailServicesRecordOfASendMarksItSentOverAClaimWhoseHolderDiedSoTheTakeoverSendsNothing() {
        claimed(claim(now));

        assertThat(log.recordSent(serviceId, "server-ready", "ses-1", now.plusSeconds(2))).isTrue();

        assertThat(claim(now.plus(LEASE).plusSeconds(1))).as("after the dead holder's lease")
                .isEqualTo(new MailLog.AlreadySent(now.plusSeconds(2)));
        assertThat(item().get("recordedBy").s()).isEqualTo("mail-service");
        assertThat(log.recordSent(serviceId, "server-ready", "ses-1", now.plusSeconds(9))).as("delivered twice")
                .isFalse();
        assertThat(item().get("sentAt").s()).isEqualTo(now.plusSeconds(2).toString());
    }

    @Test
    void theHoldersOwnRecordAfterTheMailServicesOfTheSameMessageCountsAsRecorded() {
        MailClaim claim = claimed(claim(now));
        log.recordSent(serviceId, "server-ready", "ses-1", now.plusSeconds(1));

        assertThat(log.markSent(claim, now.plusSeconds(1), "ses-1")).isTrue();
        assertThat(log.markSent(claim, now.plusSeconds(1), "ses-other")).as("not its message").isFalse();
    }

    private MailLog.ClaimResult claim(Instant at) {
        return log.claim(serviceId, "server-ready", MailTemplate.SERVER_READY, 2, at, LEASE);
    }

    private static MailClaim claimed(MailLog.ClaimResult result) {
        assertThat(result).isInstanceOf(MailLog.Claimed.class);
        return ((MailLog.Claimed) result).claim();
    }

    private Map<String, AttributeValue> item() {
        return aws.dynamoDb().getItem(b -> b.tableName(aws.tableName())
                .key(DynamoDbMailLog.key(serviceId, "server-ready")).consistentRead(true)).item();
    }
}
