package io.hostwright.dynamodb;

import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.usage.BillingPeriod;
import io.hostwright.domain.usage.UsageLedger;
import io.hostwright.domain.usage.UsagePeriod;
import io.hostwright.domain.usage.UsageSample;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The usage ledger's items and conditional writes against DynamoDB Local. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbUsageLedgerTest {

    private static final BillingPeriod PERIOD = new BillingPeriod(Instant.parse("2031-03-15T00:00:00Z"),
            Instant.parse("2031-04-15T00:00:00Z"));
    private static final BandwidthPolicy BILLED = new BandwidthPolicy(BandwidthPolicy.Metering.GREATER, 80,
            BandwidthPolicy.OveruseAction.BILL, new Price("EUR", 150), null);
    private final String serviceId = "svc_" + UUID.randomUUID();
    private DynamoDbUsageLedger ledger;
    private LocalAws aws;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        ledger = new DynamoDbUsageLedger(aws.dynamoDb(), aws.tableName(), Duration.ofDays(62));
    }

    private UsagePeriod opened(String service, BandwidthPolicy policy) {
        UsagePeriod fresh = UsagePeriod.opened(service, "cust", "p1", "c1", PERIOD, PERIOD.start(), 10 * BandwidthPolicy.BYTES_PER_TB,
                policy);
        assertThat(ledger.open(fresh)).isTrue();
        return fresh;
    }

    @Test
    void aPeriodOpensOnceAndReadsBackAsWritten() {
        UsagePeriod fresh = opened(serviceId, BILLED);

        assertThat(ledger.open(fresh)).isFalse();
        assertThat(ledger.find(serviceId, PERIOD.start())).contains(fresh);
        assertThat(ledger.find(serviceId, PERIOD.end())).isEmpty();
    }

    @Test
    void totalsMoveOnlyWithTheCursorTheyWereReadAt() {
        UsagePeriod read = opened(serviceId, BILLED);
        Instant next = PERIOD.start().plus(Duration.ofMinutes(10));

        UsagePeriod moved = ledger.advance(read, next, 100, 400).orElseThrow();

        assertThat(moved.cursor()).isEqualTo(next);
        assertThat(moved.bytesIn()).isEqualTo(100);
        assertThat(moved.bytesOut()).isEqualTo(400);
        assertThat(ledger.advance(read, next.plus(Duration.ofMinutes(5)), 1, 1)).as("read at a cursor gone").isEmpty();
        assertThat(ledger.find(serviceId, PERIOD.start())).contains(moved);
    }

    @Test
    void samplesAreKeyedByWindowAndExpireAfterThePeriodPlusTheRetention() {
        opened(serviceId, BILLED);
        List<UsageSample> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            samples.add(new UsageSample(PERIOD.start().plus(Duration.ofMinutes(5L * i)), i, 2L * i));
        }

        ledger.putSamples(serviceId, PERIOD, samples);
        ledger.putSamples(serviceId, PERIOD, samples.subList(0, 1));

        assertThat(ledger.samples(serviceId, PERIOD.start())).containsExactlyElementsOf(samples);
        Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName()).key(Map.of(
                "pk", AttributeValue.fromS("SERVICE#" + serviceId),
                "sk", AttributeValue.fromS("USAGESAMPLE#" + Attributes.sortable(PERIOD.start()) + "#"
                        + Attributes.sortable(PERIOD.start()))))).item();
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isEqualTo(PERIOD.end().plus(Duration.ofDays(62)).getEpochSecond());
    }

    @Test
    void mailsAreNotedOnce() {
        UsagePeriod read = opened(serviceId, BILLED);
        Instant first = Instant.parse("2031-03-20T10:00:00Z");

        ledger.markNearMailed(read, first);
        ledger.markNearMailed(read, first.plusSeconds(300));
        ledger.markOverMailed(read, first, "op_1");
        ledger.markOverMailed(read, first.plusSeconds(300), "op_2");

        UsagePeriod noted = ledger.find(serviceId, PERIOD.start()).orElseThrow();
        assertThat(noted.nearMailedAt()).isEqualTo(first);
        assertThat(noted.overMailedAt()).isEqualTo(first);
        assertThat(noted.suspendOperationId()).isEqualTo("op_1");
    }

    @Test
    void billedPeriodsAreListedByTheMonthTheyStartInPageByPage() {
        String prefix = "svc_" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            opened(prefix + "-" + i, BILLED);
        }
        opened(prefix + "-notified", new BandwidthPolicy(BandwidthPolicy.Metering.TOTAL, 80,
                BandwidthPolicy.OveruseAction.NOTIFY, null, null));

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            UsageLedger.Page page = ledger.billable(YearMonth.of(2031, 3), after, 2);
            page.periods().stream().map(UsagePeriod::serviceId).filter(id -> id.startsWith(prefix)).forEach(seen::add);
            after = page.next();
            pages++;
        } while (after != null && pages < 100);

        assertThat(seen).containsExactly(prefix + "-0", prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4");
        assertThat(ledger.billable(YearMonth.of(2031, 4), null, 10).periods())
                .noneMatch(p -> p.serviceId().startsWith(prefix));
    }
}
