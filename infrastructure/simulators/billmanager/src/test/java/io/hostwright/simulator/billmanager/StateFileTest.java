package io.hostwright.simulator.billmanager;

import io.hostwright.simulators.StateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A simulator started again on the file the last one kept holds the same licences, keys and balance. */
class StateFileTest {

    private final TestClock clock = new TestClock(SimulatorFixture.T0);

    private BillManagerSimulator start(Path file) {
        return BillManagerSimulator.start(SimulatorConfig.forTests().withClock(clock), StateFile.at(file));
    }

    private static Http.Response order(BillManagerSimulator bm, String name, String ip) {
        Map<String, String> params = new LinkedHashMap<>(Http.params("func", "soft.order.param", "out", "json",
                "authinfo", SimulatorFixture.AUTHINFO, "ip", ip, "licname", name, "period", "1",
                "pricelist", String.valueOf(Seed.ISPMANAGER6_LITE), "skipbasket", "on", "sok", "ok",
                "clicked_button", "finish"));
        return Http.of(bm).post(params);
    }

    @Test
    void aRestartKeepsLicencesKeysAndTheBalanceAndNewKeysDoNotRepeatOldOnes(@TempDir Path dir) {
        Path file = dir.resolve("billmanager.json");
        SimulatedLicence ordered;
        int licences;
        try (BillManagerSimulator first = start(file)) {
            long id = order(first, "panel1.example.com", "203.0.113.7").doc().path("id").path("$").asLong();
            ordered = first.licence(id);
            licences = first.licences().size();
        }

        try (BillManagerSimulator second = start(file)) {
            assertThat(second.licence(ordered.id())).isEqualTo(ordered);
            assertThat(second.licences()).hasSize(licences);
            assertThat(second.balance()).isEqualByComparingTo("492.00");

            long next = order(second, "panel2.example.com", "203.0.113.8").doc().path("id").path("$").asLong();

            assertThat(next).isEqualTo(ordered.id() + 1);
            assertThat(second.licences()).extracting(SimulatedLicence::key).doesNotHaveDuplicates();
        }
    }

    @Test
    void timeGoesOnWhileItIsStopped(@TempDir Path dir) {
        Path file = dir.resolve("billmanager.json");
        long id;
        try (BillManagerSimulator first = start(file)) {
            id = order(first, "short.example.com", "203.0.113.9").doc().path("id").path("$").asLong();
        }
        clock.advance(Duration.ofDays(40));

        try (BillManagerSimulator second = start(file)) {
            assertThat(second.licence(id).status()).isEqualTo(SimulatedLicence.SUSPENDED);
            assertThat(second.licence(id).suspendReason()).isEqualTo(SimulatedLicence.UNPAID);
        }
    }
}
