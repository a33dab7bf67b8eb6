package io.hostwright.benchmark.licences;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LicenceMixTest {

    private static final Duration LEAD = Duration.ofDays(LicenceMix.LEAD_DAYS);

    @Test
    void aThousandLicencesAreMostlyHeldAThirdRunningOutSomeSuspendedSomeUnpaid() {
        LicenceRenewalLoad.Pool pool = LicenceRenewalLoad.Pool.of(1000, 10_000);

        assertThat(pool).extracting(LicenceRenewalLoad.Pool::held, LicenceRenewalLoad.Pool::free,
                        LicenceRenewalLoad.Pool::expiring, LicenceRenewalLoad.Pool::expiringFree)
                .containsExactly(900, 100, 300, 34);
        assertThat(pool.renewable()).isEqualTo(pool.expiring() - pool.expiringSuspended() - pool.expiringUnpaid())
                .isEqualTo(253);
        assertThat(pool.expiringSuspended()).isPositive();
        assertThat(pool.expiringUnpaid()).isPositive();
    }

    @Test
    void runningOutMeansWithinTheLeadTimeAndNothingElseIs() {
        IntStream.range(0, 1000).mapToObj(LicenceMix::new).forEach(mix -> {
            assertThat(mix.expiresIn().compareTo(LEAD) < 0).as("licence %d", mix.index()).isEqualTo(mix.expiring());
            assertThat(mix.expiresIn()).isPositive();
        });
    }
}
