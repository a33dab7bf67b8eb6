package io.hostwright.simulator.billmanager;

import io.hostwright.simulators.http.Call;
import org.junit.jupiter.api.Test;

import java.net.http.HttpTimeoutException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scripted faults by func, counted or standing, answers or delays; the call log as /billmgr/<func>. */
class FaultsTest extends SimulatorFixture {

    @Test
    void theNextOrdersAnswerTheFaultAndChangeNothingThenOrdersWork() {
        bm.faults().next(2, Faults.ORDER, 500);

        for (int i = 0; i < 2; i++) {
            Http.Response refused = call("soft.order.param", "ip", "203.0.113.40", "licname", "x", "period", "1",
                    "pricelist", "55227", "skipbasket", "on", "sok", "ok", "clicked_button", "finish");
            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.raw()).isEqualTo(
                    "{\"doc\":{\"error\":{\"$type\":\"internal\",\"msg\":{\"$\":\"Internal server error\"}}}}");
        }
        assertThat(bm.licences()).hasSize(5);
        assertThat(bm.balance()).isEqualByComparingTo(Seed.DEMO_BALANCE);
        order("works", "203.0.113.40", 1);

        assertThat(bm.faults().pending()).isEmpty();
        assertThat(bm.callCount(Faults.ORDER)).isEqualTo(3);
        assertThat(bm.callCount("POST /billmgr/soft.order.param")).isEqualTo(3);
        assertThat(bm.callCount("GET /billmgr/soft.order.param")).isZero();
        assertThat(bm.calls()).extracting(Call::status).containsExactly(500, 500, 200);
        assertThat(bm.calls()).extracting(Call::path).containsOnly("/billmgr/soft.order.param");
    }

    @Test
    void a503HasNoBodyAndA200FaultIsABillmanagerError() {
        bm.faults().next(1, Faults.LIST, 503)
                .next(1, Faults.PROLONG, 200, "money", "Not enough money (scripted)");

        Http.Response unavailable = call("soft");
        Http.Response scripted = call("service.prolong", "elid", "1001", "period", "1");

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.raw()).isEmpty();
        assertThat(scripted.status()).isEqualTo(200);
        assertThat(scripted.errorType()).isEqualTo("money");
        assertThat(scripted.error().path("msg").path("$").asText()).isEqualTo("Not enough money (scripted)");
        assertThat(bm.balance()).isEqualByComparingTo(Seed.DEMO_BALANCE);
    }

    @Test
    void standingFaultsHoldUntilClearedAndOnlyForTheirFunc() {
        bm.faults().failing(Faults.EDIT, 502);

        for (int i = 0; i < 3; i++) {
            assertThat(call("soft.edit", "elid", "1001", "licname", "x", "sok", "ok").status()).isEqualTo(502);
        }
        assertThat(call("soft").ok()).isTrue();
        assertThat(bm.licence(1001).name()).isEqualTo("free.lic");

        bm.faults().clear("/billmgr/soft.edit");
        assertThat(call("soft.edit", "elid", "1001", "licname", "x", "sok", "ok").ok()).isTrue();
    }

    @Test
    void faultsComeAfterCredentials() {
        bm.faults().next(1, Faults.LIST, 500);

        Http.Response unauthenticated = http.post(Http.params("func", "soft", "out", "json"));

        assertThat(unauthenticated.errorType()).isEqualTo("auth");
        assertThat(bm.faults().pending()).hasSize(1);
        assertThat(call("soft").status()).isEqualTo(500);
    }

    @Test
    void aDelayedCallTheClientGaveUpOnStillHappens() throws InterruptedException {
        bm.faults().delay(1, Faults.NEW_KEY, Duration.ofMillis(1500));
        String oldKey = bm.licence(1001).key();

        assertThatThrownBy(() -> http.withTimeout(Duration.ofMillis(200)).sendOrThrow(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(bm.baseUrl() + "/billmgr"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Http.form(Http.params(
                                "func", "soft.newkey", "out", "json", "authinfo", AUTHINFO, "elid", "1001"))))))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(bm.receivedCount(Faults.NEW_KEY)).as("counted on arrival").isEqualTo(1);

        // the held call finishes on the server; a list call waits for nothing, so poll it with a deadline
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (bm.licence(1001).key().equals(oldKey) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(bm.licence(1001).key()).isNotEqualTo(oldKey);
    }

    @Test
    void aRandomErrorRateAnswers500() {
        bm.settings(bm.settings().withErrorRate(1));

        Http.Response failed = call("soft");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.errorType()).isEqualTo("internal");
    }
}
