package io.hostwright.domain.step;

import io.hostwright.domain.service.StepStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgeredStepsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final List<StepMessage> sent = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final LedgeredSteps steps = new LedgeredSteps(ledger, (request, delay) -> {
        sent.add(request);
        delays.add(delay);
    }, clock);
    private final StepMessage message = new StepMessage("svc_1", "ord_1", "fake", "install", 1);

    @Test
    void aRunThatFailsLetsItsClaimGoSoTheRedeliveryTakesItOverAtOnce() {
        assertThatThrownBy(() -> steps.claimAndRun("svc_1", 1, message, claimed -> {
            throw new IllegalStateException("a write was refused");
        })).hasMessage("a write was refused");

        List<String> ran = new ArrayList<>();
        StepResult redelivered = steps.claimAndRun("svc_1", 1, message, claimed -> {
            ran.add("again");
            steps.finish(claimed, StepStatus.SUCCEEDED, "done", null);
        });

        assertThat(redelivered).as("not busy until the lease ends").isEqualTo(StepResult.RAN);
        assertThat(ran).containsExactly("again");
        assertThat(steps.claimAndRun("svc_1", 1, message, claimed -> ran.add("thrice")))
                .isEqualTo(StepResult.DUPLICATE);
    }

    @Test
    void aClaimStillHeldElsewhereRequeuesTheMessageToBeLookedAtAgainShortly() {
        StepResult[] inner = new StepResult[1];
        List<String> ran = new ArrayList<>();
        steps.claimAndRun("svc_1", 1, message, claimed ->
                inner[0] = steps.claimAndRun("svc_1", 1, message, again -> ran.add("twice")));

        assertThat(inner[0]).isEqualTo(StepResult.REQUEUED);
        assertThat(ran).as("the holder runs it, not the second delivery").isEmpty();
        assertThat(sent).containsExactly(message);
        assertThat(delays).as("soon, not after the whole lease").containsExactly(Recheck.SOON);
    }
}
