package io.hostwright.dynamodb;

import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.operation.ActionAnswer;
import io.hostwright.domain.operation.Caller;
import io.hostwright.domain.operation.OperationRepository;
import io.hostwright.domain.renewal.RecordRenewal;
import io.hostwright.domain.renewal.Renewal;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service's paid period on DynamoDB Local: kept on the service item, extended with its key's answer in one write. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbServiceRenewalsTest {

    private final Instant now = Instant.parse("2031-01-15T09:30:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final String scope = "staff-" + UUID.randomUUID();
    private LocalAws aws;
    private DynamoDbServiceRepository services;
    private DynamoDbServiceRenewals renewals;
    private DynamoDbActionAnswers answers;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        services = new DynamoDbServiceRepository(aws.dynamoDb(), aws.tableName());
        renewals = new DynamoDbServiceRenewals(aws.dynamoDb(), aws.tableName(), clock);
        answers = new DynamoDbActionAnswers(aws.dynamoDb(), aws.tableName(), clock);
    }

    private Service stored(Instant paidUntil) {
        Service service = Samples.service("svc_" + UUID.randomUUID(), "cust-" + UUID.randomUUID(),
                Samples.dedicated("dedi", "tenantos", "conn", Map.of()), ServiceStatus.ACTIVE);
        if (paidUntil != null) {
            service = service.withPaidUntil(paidUntil, now);
        }
        Map<String, AttributeValue> item = ServiceItems.toItem(service);
        aws.dynamoDb().putItem(b -> b.tableName(aws.tableName()).item(item));
        return service;
    }

    private ActionAnswer answer(String key, Instant paidUntil) {
        return new ActionAnswer(scope, key, "fp-" + key, 200, paidUntil.toString(), now,
                Instant.parse("2031-01-22T09:30:00Z"));
    }

    @Test
    void paidUntilIsReadBackAndAnItemWithoutItIsUnpaid() {
        Service paid = stored(Instant.parse("2031-02-15T09:30:00.25Z"));
        Service unknown = stored(null);

        assertThat(services.findService(paid.serviceId())).contains(paid);
        assertThat(services.findService(unknown.serviceId())).hasValueSatisfying(
                s -> assertThat(s.paidUntil()).isNull());
        assertThat(aws.dynamoDb().getItem(b -> b.tableName(aws.tableName()).key(Keys.service(unknown.serviceId())))
                .item()).doesNotContainKey("paidUntil");
    }

    @Test
    void aRenewalWritesTheServiceAndTheAnswerTogether() {
        Service service = stored(Instant.parse("2031-02-01T00:00:00Z"));
        Service renewed = service.withPaidUntil(Instant.parse("2031-03-01T00:00:00Z"), now);

        assertThat(renewals.renew(service, renewed, answer("k1", renewed.paidUntil()))).isTrue();

        assertThat(services.findService(service.serviceId())).contains(renewed);
        assertThat(answers.find(scope, "k1")).contains(answer("k1", renewed.paidUntil()));
    }

    @Test
    void aStaleServiceWritesNothing() {
        Service service = stored(Instant.parse("2031-02-01T00:00:00Z"));
        Service changed = service.withReason("moved rack", now);
        assertThat(services.replace(service, changed)).isTrue();

        boolean written = renewals.renew(service, service.withPaidUntil(Instant.parse("2031-03-01T00:00:00Z"), now),
                answer("k1", Instant.parse("2031-03-01T00:00:00Z")));

        assertThat(written).isFalse();
        assertThat(services.findService(service.serviceId())).contains(changed);
        assertThat(answers.find(scope, "k1")).isEmpty();
    }

    @Test
    void aKeyAlreadyAnsweredWritesNothing() {
        Service service = stored(Instant.parse("2031-02-01T00:00:00Z"));
        answers.keep(answer("k1", Instant.parse("2031-02-01T00:00:00Z")));

        assertThatThrownBy(() -> renewals.renew(service,
                service.withPaidUntil(Instant.parse("2031-03-01T00:00:00Z"), now),
                answer("k1", Instant.parse("2031-03-01T00:00:00Z"))))
                .isInstanceOf(OperationRepository.AnswerTaken.class);

        assertThat(services.findService(service.serviceId())).contains(service);
    }

    @Test
    void tenRequestsWithOneKeyAtOnceExtendOnceAndAllAnswerTheSame() throws Exception {
        Service service = stored(Instant.parse("2031-02-01T00:00:00Z"));
        RecordRenewal record = new RecordRenewal(services, renewals, answers, clock);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Renewal> answered = new ArrayList<>();
        try {
            List<Callable<Renewal>> racers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                racers.add(() -> record.renew(Caller.staff("billing"), service.serviceId(), 1, "pay-" + scope));
            }
            for (Future<Renewal> f : pool.invokeAll(racers)) {
                answered.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answered).extracting(Renewal::paidUntil).containsOnly(Instant.parse("2031-03-01T00:00:00Z"));
        assertThat(answered).filteredOn(r -> !r.replayed()).hasSize(1);
        assertThat(services.findService(service.serviceId())).hasValueSatisfying(s -> {
            assertThat(s.paidUntil()).isEqualTo(Instant.parse("2031-03-01T00:00:00Z"));
            assertThat(s.version()).isEqualTo(service.version() + 1);
        });
    }
}
