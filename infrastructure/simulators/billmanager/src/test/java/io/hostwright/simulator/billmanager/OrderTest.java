package io.hostwright.simulator.billmanager;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** func=soft.order.param: charged at once, active, a key, expiry a month or a year on. */
class OrderTest extends SimulatorFixture {

    @Test
    void aMonthlyOrderIsChargedAndActiveForAMonthWithAKey() {
        Http.Response ordered = call("soft.order.param", "ip", "203.0.113.7", "licname", "Item #7 addon ispmanager",
                "period", "1", "autoprolong", "null", "pricelist", "55227", "skipbasket", "on", "sok", "ok",
                "clicked_button", "finish", "addon_55236", "1");

        assertThat(ordered.ok()).as(ordered.raw()).isTrue();
        long id = ordered.doc().path("id").path("$").asLong();
        SimulatedLicence licence = bm.licence(id);
        assertThat(id).isEqualTo(1006);
        assertThat(licence.status()).isEqualTo("active");
        assertThat(licence.name()).isEqualTo("Item #7 addon ispmanager");
        assertThat(licence.ip()).isEqualTo("203.0.113.7");
        assertThat(licence.pricelist()).isEqualTo(Seed.ISPMANAGER6_LITE);
        assertThat(licence.expiresAt()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
        assertThat(licence.key()).hasSize(32).isEqualTo(ordered.doc().path("key").path("$").asText());
        assertThat(licence.lastIpChange()).isEqualTo(T0);
        assertThat(licence.lastKeyChange()).isEqualTo(T0);
        assertThat(licence.autoprolong()).isNull();
        assertThat(bm.balance()).isEqualByComparingTo("492.00");
    }

    @Test
    void aYearlyOrderCostsTwelveMonthsAndLastsAYear() {
        long id = order("yearly", "198.51.100.1", 12);

        assertThat(bm.licence(id).expiresAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(bm.licence(id).period()).isEqualTo(12);
        assertThat(bm.balance()).isEqualByComparingTo("404.00");
    }

    @Test
    void onlyOneOrTwelveMonthsAndOnlyWhatThePricelistSells() {
        Http.Response three = orderWith("period", "3");
        Http.Response monthlyForAYear = orderWith("pricelist", String.valueOf(Seed.BILLMANAGER6_MONTHLY),
                "period", "12");
        Http.Response yearlyForAMonth = orderWith("pricelist", String.valueOf(Seed.BILLMANAGER6_YEARLY));

        for (Http.Response refused : new Http.Response[] {three, monthlyForAYear, yearlyForAMonth}) {
            assertThat(refused.errorType()).as(refused.raw()).isEqualTo("value");
            assertThat(refused.errorObject()).isEqualTo("period");
        }
        assertThat(orderWith("pricelist", String.valueOf(Seed.BILLMANAGER6_YEARLY), "period", "12").ok()).isTrue();
        assertThat(bm.balance()).isEqualByComparingTo("200.00");
    }

    @Test
    void missingOrInvalidParametersAreNamed() {
        assertRefused(orderWith("ip", ""), "missed", "ip");
        assertRefused(orderWith("ip", "300.1.1.1"), "value", "ip");
        assertRefused(orderWith("licname", ""), "missed", "licname");
        assertRefused(orderWith("pricelist", "99999"), "value", "pricelist");
        assertRefused(orderWith("pricelist", "lite"), "value", "pricelist");
        assertRefused(orderWith("autoprolong", "6"), "value", "autoprolong");
        assertRefused(orderWith("skipbasket", ""), "missed", "skipbasket");
        assertRefused(orderWith("sok", "no"), "value", "sok");
        assertRefused(orderWith("clicked_button", ""), "missed", "clicked_button");
        assertThat(bm.licences()).hasSize(5);
        assertThat(bm.balance()).isEqualByComparingTo(Seed.DEMO_BALANCE);
    }

    @Test
    void aBalanceThatDoesNotCoverTheOrderRefusesIt() {
        bm.setBalance(new BigDecimal("95.99"));

        Http.Response refused = orderWith("period", "12");

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.errorType()).isEqualTo("money");
        assertThat(refused.error().path("msg").path("$").asText()).contains("96.00");
        assertThat(bm.licences()).hasSize(5);
        assertThat(bm.balance()).isEqualByComparingTo("95.99");
        assertThat(orderWith("period", "1").ok()).as("a month still fits").isTrue();
        assertThat(bm.balance()).isEqualByComparingTo("87.99");
    }

    @Test
    void autoprolongIsKept() {
        Http.Response ordered = orderWith("autoprolong", "12");

        assertThat(bm.licence(ordered.doc().path("id").path("$").asLong()).autoprolong()).isEqualTo(12);
    }

    private Http.Response orderWith(String... overrides) {
        java.util.Map<String, String> params = Http.params("ip", "203.0.113.9", "licname", "order test",
                "period", "1", "pricelist", String.valueOf(Seed.ISPMANAGER6_LITE), "skipbasket", "on", "sok", "ok",
                "clicked_button", "finish");
        params.putAll(Http.params(overrides));
        String[] flat = params.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
        return call("soft.order.param", flat);
    }

    static void assertRefused(Http.Response response, String type, String object) {
        assertThat(response.errorType()).as(response.raw()).isEqualTo(type);
        assertThat(response.errorObject()).as(response.raw()).isEqualTo(object);
    }
}
