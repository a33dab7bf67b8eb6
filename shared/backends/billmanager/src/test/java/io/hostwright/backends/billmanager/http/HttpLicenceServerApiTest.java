package io.hostwright.backends.billmanager.http;

import io.hostwright.domain.licence.ServerLicence;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.fixtures.MutableClock;
import io.hostwright.domain.licence.PoolLicence;
import io.hostwright.simulator.billmanager.BillManagerSimulator;
import io.hostwright.simulator.billmanager.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The licence BILLmanager adapter against the licence simulator with its demo seed, on a clock the test moves. */
class HttpLicenceServerApiTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final long LITE = 55227;

    private final MutableClock clock = new MutableClock(T0);
    private final BillManagerSimulator billing = BillManagerSimulator.start(SimulatorConfig.forTests().withClock(clock));
    private final HttpLicenceServerApi api = new HttpLicenceServerApi(billing.baseUrl(), billing.credential(),
            Duration.ofSeconds(2), Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        billing.close();
    }

    @Test
    void theSeedsLicencesAreListedAndThePoolRuleFindsTheFreeOnes() {
        assertThat(api.licences()).hasSize(5);
        assertThat(api.licences()).filteredOn(l -> l.pool().free(clock.instant())).extracting(ServerLicence::id)
                .containsExactlyInAnyOrder("1001", "1002", "1003", "1004");
        assertThat(api.licences()).filteredOn(l -> l.id().equals("1005")).singleElement()
                .satisfies(l -> assertThat(l.pool().whyNotFree(clock.instant())).startsWith("held"));
    }

    @Test
    void anOrderedLicenceIsActiveOnItsIpWithAKeyAndAYearToRun() {
        ServerLicence.Ordered ordered = api.order("198.51.100.20", "Item #svc_1 addon ispmanager 6 Lite", LITE, 12);

        ServerLicence listed = api.licences().stream().filter(l -> l.id().equals(ordered.id())).findFirst()
                .orElseThrow();
        assertThat(listed.status()).isEqualTo(PoolLicence.Status.ACTIVE);
        assertThat(listed.ip()).isEqualTo("198.51.100.20");
        assertThat(listed.key()).isEqualTo(ordered.key()).isNotBlank();
        assertThat(listed.expiresAt()).isAfter(T0.plus(360, ChronoUnit.DAYS));
        assertThat(ordered.toString()).doesNotContain(ordered.key());
    }

    @Test
    void reuseMovesRenamesAndReKeysAFreeLicenceAndProlongExtendsFromItsExpiry() {
        ServerLicence before = api.licences().stream().filter(l -> l.id().equals("1003")).findFirst().orElseThrow();

        api.edit("1003", "Item #svc_2 addon ispmanager 6 Lite", "198.51.100.21");
        String key = api.newKey("1003");
        api.prolong("1003", 1);

        ServerLicence after = api.licences().stream().filter(l -> l.id().equals("1003")).findFirst().orElseThrow();
        assertThat(after.ip()).isEqualTo("198.51.100.21");
        assertThat(after.key()).isEqualTo(key).isNotEqualTo(before.key());
        assertThat(after.lastIpChange()).isEqualTo(T0);
        assertThat(after.lastKeyChange()).isEqualTo(T0);
        assertThat(after.expiresAt()).isAfter(before.expiresAt().plus(27, ChronoUnit.DAYS));
        assertThat(after.pool().free(T0)).isFalse();
    }

    @Test
    void notEnoughMoneyIsPermanentAndSaysSo() {
        billing.setBalance(new BigDecimal("1.00"));

        Throwable refused = catchThrowable(() -> api.order("198.51.100.22", "x", LITE, 12));

        assertThat(refused).isInstanceOf(BackendFailure.Permanent.class).hasMessageContaining("money");
        assertThat(((BackendFailure) refused).status()).isEqualTo(402);
        assertThat(billing.licences()).hasSize(5);
    }

    @Test
    void aWrongPasswordIsPermanentAndNotShown() {
        HttpLicenceServerApi wrong = new HttpLicenceServerApi(billing.baseUrl(), "reseller:Wrong-Secret-9",
                Duration.ofSeconds(2), Duration.ofSeconds(5));

        Throwable refused = catchThrowable(wrong::licences);

        assertThat(refused).isInstanceOf(BackendFailure.Permanent.class).hasMessageNotContaining("Wrong-Secret-9");
        assertThat(((BackendFailure) refused).status()).isEqualTo(401);
    }

    @Test
    void aServerErrorIsTransientAndABadValuePermanentWithBillmanagersWords() {
        billing.faults().next(1, "POST /billmgr/service.prolong", 503);

        assertThat(catchThrowable(() -> api.prolong("1001", 1))).isInstanceOf(BackendFailure.Transient.class);
        Throwable bad = catchThrowable(() -> api.prolong("1001", 6));
        assertThat(bad).isInstanceOf(BackendFailure.Permanent.class).hasMessageContaining("period");
        assertThat(((BackendFailure) bad).status()).isEqualTo(400);
    }
}
