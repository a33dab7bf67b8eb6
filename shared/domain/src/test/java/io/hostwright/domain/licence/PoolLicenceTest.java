package io.hostwright.domain.licence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PoolLicenceTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(90));

    private static PoolLicence free() {
        return new PoolLicence("lic-1", PoolLicence.Status.ACTIVE, PoolLicence.FREE_NAME, PoolLicence.FREE_IP,
                NOW.plus(Duration.ofDays(200)), LONG_AGO, LONG_AGO);
    }

    @Test
    void aRestingUnheldLicenceIsFreeActiveOrSuspended() {
        assertThat(free().free(NOW)).isTrue();
        PoolLicence suspended = new PoolLicence("lic-2", PoolLicence.Status.SUSPENDED, "free.lic", "0.0.0.0",
                NOW.plus(Duration.ofDays(3)), null, null);
        assertThat(suspended.free(NOW)).isTrue();
    }

    @Test
    void aLicenceWhoseIpChangedTenDaysAgoIsNotReused() {
        PoolLicence moved = new PoolLicence("lic-3", PoolLicence.Status.ACTIVE, "free.lic", "0.0.0.0",
                NOW.plus(Duration.ofDays(200)), NOW.minus(Duration.ofDays(10)), LONG_AGO);

        assertThat(moved.free(NOW)).isFalse();
        assertThat(moved.whyNotFree(NOW)).contains("IP changed");
        assertThat(moved.free(NOW.plus(Duration.ofDays(20)))).as("free once it rested a month").isTrue();
    }

    @Test
    void aHeldExpiredOrRecentlyReKeyedLicenceIsNotFree() {
        PoolLicence f = free();
        assertThat(new PoolLicence("a", f.status(), "Item #svc_1", "198.51.100.7", f.expiresAt(), f.lastIpChange(),
                f.lastKeyChange()).whyNotFree(NOW)).startsWith("held");
        assertThat(new PoolLicence("b", f.status(), f.name(), f.ip(), NOW, f.lastIpChange(), f.lastKeyChange())
                .whyNotFree(NOW)).isEqualTo("expired");
        assertThat(new PoolLicence("c", f.status(), f.name(), f.ip(), f.expiresAt(), f.lastIpChange(),
                NOW.minus(Duration.ofDays(1))).whyNotFree(NOW)).contains("key changed");
        assertThat(new PoolLicence("d", PoolLicence.Status.OTHER, f.name(), f.ip(), f.expiresAt(), null, null)
                .free(NOW)).isFalse();
    }

    @Test
    void aLicenceOnlyRestingIsFreeFromTheEndOfItsLastRest() {
        PoolLicence f = free();
        Instant moved = NOW.minus(Duration.ofDays(10));
        Instant reKeyed = NOW.minus(Duration.ofDays(5));

        assertThat(new PoolLicence("a", f.status(), f.name(), f.ip(), f.expiresAt(), moved, reKeyed).freeFrom(NOW))
                .as("the later of the two rests").isEqualTo(reKeyed.plus(PoolLicence.QUIET_PERIOD));
        assertThat(f.freeFrom(NOW)).as("free already").isNull();
        assertThat(new PoolLicence("b", f.status(), f.name(), f.ip(), NOW.plus(Duration.ofDays(10)), moved, null)
                .freeFrom(NOW)).as("runs out before its rest is over").isNull();
        assertThat(new PoolLicence("c", f.status(), "web [svc_1]", "198.51.100.7", f.expiresAt(), moved, null)
                .freeFrom(NOW)).as("held upstream").isNull();
    }

    @Test
    void runsOutByCountsTheRunOutButNotWhatCannotBeRenewed() {
        PoolLicence f = free();
        Instant week = NOW.plus(Duration.ofDays(7));

        assertThat(f.runsOutBy(week)).isFalse();
        assertThat(new PoolLicence("a", f.status(), f.name(), f.ip(), week, null, null).runsOutBy(week)).isTrue();
        assertThat(new PoolLicence("b", f.status(), f.name(), f.ip(), NOW.minus(Duration.ofDays(1)), null, null)
                .runsOutBy(week)).isTrue();
        assertThat(new PoolLicence("c", PoolLicence.Status.OTHER, f.name(), f.ip(), NOW, null, null).runsOutBy(week))
                .isFalse();
        assertThat(new PoolLicence("d", f.status(), f.name(), f.ip(), null, null, null).runsOutBy(week)).isFalse();
    }
}
