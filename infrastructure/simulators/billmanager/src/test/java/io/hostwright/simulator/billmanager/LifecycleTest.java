package io.hostwright.simulator.billmanager;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;

import static io.hostwright.simulator.billmanager.OrderTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unpaid: suspended at its expiry, deleted 30 days later, on the simulator clock; autoprolong pays when it can. */
class LifecycleTest extends SimulatorFixture {

    static final Instant EXPIRY = Instant.parse("2025-04-01T00:00:00Z");

    @Test
    void anUnpaidLicenceIsSuspendedAtItsExpiryAndDeletedThirtyDaysLater() {
        long id = order("unpaid", "203.0.113.30", 1);

        clock.set(EXPIRY.minusSeconds(1));
        assertThat(bm.licence(id).status()).isEqualTo("active");

        clock.set(EXPIRY);
        SimulatedLicence suspended = bm.licence(id);
        assertThat(suspended.status()).isEqualTo("suspended");
        assertThat(suspended.suspendReason()).isEqualTo("unpaid");
        assertThat(suspended.suspendedAt()).isEqualTo(EXPIRY);
        assertThat(suspended.deletesAt()).isEqualTo(EXPIRY.plus(Duration.ofDays(30)));
        Http.Response listed = call("soft");
        assertThat(listed.doc().path("elem").findValues("id").stream().map(n -> n.path("$").asLong()))
                .contains(id);

        clock.set(EXPIRY.plus(Duration.ofDays(30)).minusSeconds(1));
        assertThat(bm.licence(id).status()).isEqualTo("suspended");

        clock.set(EXPIRY.plus(Duration.ofDays(30)));
        assertThatThrownBy(() -> bm.licence(id)).isInstanceOf(NoSuchElementException.class);
        assertThat(bm.licences()).noneMatch(l -> l.id() == id);
        assertRefused(call("service.prolong", "elid", String.valueOf(id), "period", "1"), "value", "elid");
    }

    @Test
    void aLongJumpSuspendsAndDeletesInOneGo() {
        long id = order("forgotten", "203.0.113.31", 1);

        clock.set(Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(bm.licences()).noneMatch(l -> l.id() == id);
        assertThat(call("soft").doc().path("elem")).as("every seeded licence expired long ago too").isEmpty();
    }

    @Test
    void autoprolongRenewsAtExpiryWhileTheBalanceCoversIt() {
        Http.Response ordered = call("soft.order.param", "ip", "203.0.113.32", "licname", "auto", "period", "1",
                "autoprolong", "1", "pricelist", "55227", "skipbasket", "on", "sok", "ok",
                "clicked_button", "finish");
        long id = ordered.doc().path("id").path("$").asLong();
        bm.setBalance(new BigDecimal("8.00"));

        clock.set(EXPIRY);
        assertThat(bm.licence(id).status()).isEqualTo("active");
        assertThat(bm.licence(id).expiresAt()).isEqualTo(Instant.parse("2025-05-01T00:00:00Z"));
        assertThat(bm.balance()).isEqualByComparingTo("0.00");

        clock.set(Instant.parse("2025-05-01T00:00:00Z"));
        assertThat(bm.licence(id).status()).as("nothing left to pay with").isEqualTo("suspended");
    }

    @Test
    void licencesAddedDirectlyFollowTheSameRules() {
        SimulatedLicence free = bm.addLicence(NewLicence.free(Seed.ISPMANAGER6_PRO, T0.plus(Duration.ofDays(40)),
                T0.minus(Duration.ofDays(45))));
        SimulatedLicence lapsed = bm.addLicence(new NewLicence("lapsed", "203.0.113.33", Seed.ISPMANAGER6_LITE, 1,
                T0.minus(Duration.ofDays(10)), null, null));

        assertThat(free.id()).isEqualTo(1006);
        assertThat(free.key()).hasSize(32);
        assertThat(free.free(T0)).isTrue();
        assertThat(bm.freeLicences()).hasSize(5);
        assertThat(lapsed.status()).isEqualTo("suspended");
        assertThat(lapsed.lastIpChange()).isEqualTo(T0);
        assertThat(bm.balance()).as("no charge").isEqualByComparingTo(Seed.DEMO_BALANCE);
        assertThatThrownBy(() -> bm.addLicence(new NewLicence("gone", "203.0.113.34", Seed.ISPMANAGER6_LITE, 1,
                T0.minus(Duration.ofDays(31)), null, null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bm.addLicence(NewLicence.free(1, T0, T0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
