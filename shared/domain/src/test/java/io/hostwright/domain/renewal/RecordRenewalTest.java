package io.hostwright.domain.renewal;

import io.hostwright.domain.fixtures.MutableClock;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.operation.ActionAnswer;
import io.hostwright.domain.operation.Caller;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.problem.IdempotencyKeyReused;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.problem.Violation;
import io.hostwright.domain.service.InMemoryServices;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordRenewalTest {

    private static final Instant NOW = Instant.parse("2031-01-15T09:30:00Z");

    private final Map<String, Service> stored = new HashMap<>();
    private final InMemoryServices services = new InMemoryServices(stored);
    private final InMemoryRenewals renewals = new InMemoryRenewals(services);
    private final MutableClock clock = new MutableClock(NOW);
    private final Caller billing = Caller.staff("billing");
    private RecordRenewal record = new RecordRenewal(services, renewals, renewals, clock);

    private Service service(ServiceStatus status, Instant paidUntil) {
        Service service = Samples.service("svc_1", "alice", Samples.dedicated("dedi", "tenantos", "conn", Map.of()),
                status);
        if (paidUntil != null) {
            service = service.withPaidUntil(paidUntil, Instant.EPOCH);
        }
        stored.put(service.serviceId(), service);
        return service;
    }

    private Instant paidUntil() {
        return stored.get("svc_1").paidUntil();
    }

    @Test
    void theMonthsPaidContinueFromWhereThePaidPeriodEndsInCalendarMonths() {
        service(ServiceStatus.ACTIVE, Instant.parse("2031-01-31T00:00:00Z"));

        Renewal renewal = record.renew(billing, "svc_1", 1, "pay-1");

        assertThat(renewal).isEqualTo(new Renewal("svc_1", Instant.parse("2031-02-28T00:00:00Z"), 1, NOW, false));
        assertThat(paidUntil()).isEqualTo(Instant.parse("2031-02-28T00:00:00Z"));
        assertThat(stored.get("svc_1").version()).isEqualTo(3);
        assertThat(stored.get("svc_1").updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aLatePaymentStillPaysTheMonthsItCoversFromTheOldEnd() {
        service(ServiceStatus.SUSPENDED, Instant.parse("2030-11-10T12:00:00Z"));

        record.renew(billing, "svc_1", 3, "pay-1");

        assertThat(paidUntil()).isEqualTo(Instant.parse("2031-02-10T12:00:00Z"));
        assertThat(stored.get("svc_1").status()).isEqualTo(ServiceStatus.SUSPENDED);
    }

    @Test
    void aServiceWithNoPaidPeriodIsPaidFromNow() {
        service(ServiceStatus.ACTIVE, null);

        record.renew(billing, "svc_1", 12, "pay-1");

        assertThat(paidUntil()).isEqualTo(Instant.parse("2032-01-15T09:30:00Z"));
    }

    @Test
    void theSameKeyAndMonthsAnswerTheFirstRenewalAgainAndExtendOnce() {
        service(ServiceStatus.ACTIVE, Instant.parse("2031-02-01T00:00:00Z"));
        Renewal first = record.renew(billing, "svc_1", 6, "pay-1");
        clock.advance(Duration.ofHours(1));

        // another member of staff (the billing system's second worker) retrying the same payment
        Renewal again = record.renew(Caller.staff("billing-2"), "svc_1", 6, "pay-1");

        assertThat(again).isEqualTo(new Renewal("svc_1", first.paidUntil(), 6, first.renewedAt(), true));
        assertThat(paidUntil()).isEqualTo(Instant.parse("2031-08-01T00:00:00Z"));
        assertThat(renewals.size()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithOtherMonthsOrAnotherServiceIsRefusedAndExtendsNothing() {
        service(ServiceStatus.ACTIVE, Instant.parse("2031-02-01T00:00:00Z"));
        record.renew(billing, "svc_1", 1, "pay-1");

        assertThatThrownBy(() -> record.renew(billing, "svc_1", 2, "pay-1"))
                .isInstanceOfSatisfying(IdempotencyKeyReused.class,
                        e -> assertThat(e.header()).isEqualTo("Idempotency-Key"));
        assertThatThrownBy(() -> record.renew(billing, "svc_2", 1, "pay-1"))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(paidUntil()).isEqualTo(Instant.parse("2031-03-01T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 121})
    void monthsOutside1To120AreRefusedNamingMonths(int months) {
        Service service = service(ServiceStatus.ACTIVE, null);

        assertThatThrownBy(() -> record.renew(billing, "svc_1", months, "pay-1"))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("months"));
        assertThat(stored.get("svc_1")).isEqualTo(service);
    }

    @Test
    void missingMonthsOrKeyAreRefusedNamingThem() {
        service(ServiceStatus.ACTIVE, null);

        assertThatThrownBy(() -> record.renew(billing, "svc_1", null, "pay-1"))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("months"));
        assertThatThrownBy(() -> record.renew(billing, "svc_1", 1, null))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("Idempotency-Key"));
        assertThat(paidUntil()).isNull();
        assertThat(renewals.size()).isZero();
    }

    @Test
    void anUnknownServiceIsNotFound() {
        assertThatThrownBy(() -> record.renew(billing, "svc_nope", 1, "pay-1")).isInstanceOf(NotFound.class);
        assertThat(renewals.size()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = ServiceStatus.class, names = {"FAILED", "TERMINATED"})
    void anEndedServiceIsAConflictNamingItsStatus(ServiceStatus status) {
        Service service = service(status, Instant.parse("2031-02-01T00:00:00Z"));

        assertThatThrownBy(() -> record.renew(billing, "svc_1", 1, "pay-1"))
                .isInstanceOfSatisfying(Conflict.class, e -> {
                    assertThat(e.field()).isEqualTo("status");
                    assertThat(e.getMessage()).contains(status.name());
                });
        assertThat(stored.get("svc_1")).isEqualTo(service);
        assertThat(renewals.size()).isZero();
    }

    @Test
    void aServiceChangedBetweenReadAndWriteIsReadAgainAndBothChangesStand() {
        service(ServiceStatus.ACTIVE, Instant.parse("2031-02-01T00:00:00Z"));
        ServiceRenewals racing = new ServiceRenewals() {
            private boolean raced;

            @Override
            public boolean renew(Service expected, Service renewed, ActionAnswer answer) {
                if (!raced) {
                    raced = true;
                    services.replace(expected, expected.transitionTo(ServiceStatus.SUSPENDED, "abuse", NOW));
                }
                return renewals.renew(expected, renewed, answer);
            }
        };
        record = new RecordRenewal(services, racing, renewals, clock);

        record.renew(billing, "svc_1", 1, "pay-1");

        assertThat(stored.get("svc_1").status()).isEqualTo(ServiceStatus.SUSPENDED);
        assertThat(stored.get("svc_1").statusReason()).isEqualTo("abuse");
        assertThat(paidUntil()).isEqualTo(Instant.parse("2031-03-01T00:00:00Z"));
    }

    @Test
    void theSameKeyAnsweredByARacingRequestIsThatAnswerAndNoSecondExtension() {
        service(ServiceStatus.ACTIVE, Instant.parse("2031-02-01T00:00:00Z"));
        ServiceRenewals racing = new ServiceRenewals() {
            private boolean raced;

            @Override
            public boolean renew(Service expected, Service renewed, ActionAnswer answer) {
                if (!raced) {
                    raced = true;
                    // the other request with the same key got its write in first
                    renewals.renew(expected, renewed, answer);
                }
                return renewals.renew(expected, renewed, answer);
            }
        };
        record = new RecordRenewal(services, racing, renewals, clock);

        Renewal renewal = record.renew(billing, "svc_1", 1, "pay-1");

        assertThat(renewal.replayed()).isTrue();
        assertThat(renewal.paidUntil()).isEqualTo(Instant.parse("2031-03-01T00:00:00Z"));
        assertThat(paidUntil()).isEqualTo(Instant.parse("2031-03-01T00:00:00Z"));
        assertThat(renewals.size()).isEqualTo(1);
    }
}
