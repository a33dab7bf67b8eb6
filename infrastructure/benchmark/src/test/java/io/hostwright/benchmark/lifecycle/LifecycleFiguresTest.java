package io.hostwright.benchmark.lifecycle;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleFiguresTest {

    @Test
    void endingsComeInTheirOwnOrderThenTheRest() {
        assertThat(LifecycleFigures.ordered(Map.of("NEEDS_ATTENTION", 1, "zzz", 2, "SUCCEEDED", 38,
                LifecycleFigures.NOT_ENDED, 1, "202 without operationId", 1)).keySet())
                .containsExactly("SUCCEEDED", "NEEDS_ATTENTION", LifecycleFigures.NOT_ENDED, "202 without operationId",
                        "zzz");
    }

    @Test
    void routesAreCountedMostFrequentFirst() {
        assertThat(LifecycleFigures.byRoute(List.of("GET /api/servers/{id}", "PUT /api/servers/{id}",
                "GET /api/servers/{id}", "GET /api/users")))
                .containsExactly(Map.entry("GET /api/servers/{id}", 2L), Map.entry("GET /api/users", 1L),
                        Map.entry("PUT /api/servers/{id}", 1L));
    }

    @Test
    void keysOfSeveralStagesByTheirTotal() {
        assertThat(LifecycleFigures.keysByTotal(List.of(Map.of("DynamoDb.GetItem", 3L, "Sqs.SendMessage", 4L),
                Map.of("DynamoDb.GetItem", 2L, "Ses.SendEmail", 1L))))
                .containsExactly("DynamoDb.GetItem", "Sqs.SendMessage", "Ses.SendEmail");
    }

    @Test
    void functionsThatMadeCallsInAnyStage() {
        assertThat(LifecycleFigures.functions(List.of(Map.of("lifecycle", Map.of("DynamoDb.GetItem", 3L)),
                Map.of("mailer", Map.of("Ses.SendEmail", 1L), "service-admin", Map.of("DynamoDb.GetItem", 0L)))))
                .containsExactly("lifecycle", "mailer");
    }

    @Test
    void callsPerUnitAndText() {
        assertThat(LifecycleFigures.per(90, 40)).isEqualTo("2.25");
        assertThat(LifecycleFigures.per(0, 40)).isEmpty();
        assertThat(LifecycleFigures.per(5, 0)).isEqualTo("-");
        assertThat(LifecycleFigures.flat("a\n  b\tc", 100)).isEqualTo("a b c");
        assertThat(LifecycleFigures.flat("abcdef", 3)).isEqualTo("abc...");
        assertThat(LifecycleFigures.flat(null, 3)).isEmpty();
    }
}
