package io.hostwright.simulator.billmanager;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static io.hostwright.simulator.billmanager.OrderTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/** service.prolong: from the expiry while active, from the renewal date once suspended for non-payment. */
class ProlongTest extends SimulatorFixture {

    @Test
    void anActiveLicenceIsExtendedFromItsExpiry() {
        long id = order("renewed", "203.0.113.10", 1);
        clock.advance(Duration.ofDays(10));

        Http.Response renewed = call("service.prolong", "elid", String.valueOf(id), "period", "1");

        assertThat(renewed.ok()).as(renewed.raw()).isTrue();
        assertThat(renewed.doc().path("id").path("$").asLong()).isEqualTo(id);
        assertThat(bm.licence(id).expiresAt()).isEqualTo(Instant.parse("2025-05-01T00:00:00Z"));
        assertThat(bm.balance()).isEqualByComparingTo("484.00");

        call("service.prolong", "elid", String.valueOf(id), "period", "12");
        assertThat(bm.licence(id).expiresAt()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(bm.balance()).isEqualByComparingTo("388.00");
    }

    @Test
    void aLicenceSuspendedForNonPaymentIsExtendedFromNowAndBecomesActive() {
        long id = order("lapsed", "203.0.113.11", 1);
        clock.set(Instant.parse("2025-04-05T12:00:00Z"));
        assertThat(bm.licence(id).status()).isEqualTo("suspended");
        assertThat(bm.licence(id).suspendReason()).isEqualTo("unpaid");

        Http.Response renewed = call("service.prolong", "elid", String.valueOf(id), "period", "1");

        assertThat(renewed.ok()).as(renewed.raw()).isTrue();
        SimulatedLicence licence = bm.licence(id);
        assertThat(licence.status()).isEqualTo("active");
        assertThat(licence.suspendReason()).isNull();
        assertThat(licence.deletesAt()).isNull();
        assertThat(licence.expiresAt()).isEqualTo(Instant.parse("2025-05-05T12:00:00Z"));
    }

    @Test
    void aLicenceSuspendedByACallIsExtendedFromItsExpiryAndStaysSuspendedUntilResumed() {
        long id = order("held", "203.0.113.12", 1);
        assertThat(call("soft.suspend", "elid", String.valueOf(id)).ok()).isTrue();
        assertThat(bm.licence(id).suspendReason()).isEqualTo("admin");

        call("service.prolong", "elid", String.valueOf(id), "period", "1");

        assertThat(bm.licence(id).expiresAt()).isEqualTo(Instant.parse("2025-05-01T00:00:00Z"));
        assertThat(bm.licence(id).status()).isEqualTo("suspended");
        assertThat(call("soft.resume", "elid", String.valueOf(id)).ok()).isTrue();
        assertThat(bm.licence(id).status()).isEqualTo("active");
        assertThat(call("softexternal.suspend", "elid", String.valueOf(id)).ok()).as("the documented alias").isTrue();
        assertThat(bm.licence(id).status()).isEqualTo("suspended");
    }

    @Test
    void anUnpaidLicenceCannotBeResumedOnlyRenewed() {
        long id = order("unpaid", "203.0.113.13", 1);
        clock.set(Instant.parse("2025-04-02T00:00:00Z"));

        assertRefused(call("soft.resume", "elid", String.valueOf(id)), "status", "elid");
        assertThat(bm.licence(id).status()).isEqualTo("suspended");
    }

    @Test
    void renewalNeedsTheMoneyAValidPeriodAndAnExistingLicence() {
        long id = order("poor", "203.0.113.14", 1);
        bm.setBalance(new BigDecimal("7.99"));

        assertThat(call("service.prolong", "elid", String.valueOf(id), "period", "1").errorType()).isEqualTo("money");
        assertRefused(call("service.prolong", "elid", String.valueOf(id), "period", "6"), "value", "period");
        assertRefused(call("service.prolong", "period", "1"), "missed", "elid");
        assertRefused(call("service.prolong", "elid", "999", "period", "1"), "value", "elid");
        assertRefused(call("service.prolong", "elid", "abc", "period", "1"), "value", "elid");
        assertThat(bm.licence(id).expiresAt()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
        assertThat(bm.balance()).isEqualByComparingTo("7.99");
    }
}
