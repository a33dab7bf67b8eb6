package io.hostwright.local.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchOutcomeTest {

    private static final List<Message> BATCH = List.of(message("a"), message("b"), message("c"));

    @Test
    void deletesAllButTheReportedFailures() {
        BatchOutcome outcome = BatchOutcome.of(BATCH, failures("b"));

        assertThat(outcome.toDelete()).extracting(Message::messageId).containsExactly("a", "c");
        assertThat(outcome.toRetry()).extracting(Message::messageId).containsExactly("b");
        assertThat(outcome.problem()).isNull();
    }

    @Test
    void deletesEverythingWhenNothingFailed() {
        assertThat(BatchOutcome.of(BATCH, failures()).toDelete()).hasSize(3);
        assertThat(BatchOutcome.of(BATCH, null).toDelete()).hasSize(3);
        assertThat(BatchOutcome.of(BATCH, "a handler that answers something else").toDelete()).hasSize(3);
    }

    @Test
    void retriesTheWholeBatchWhenAFailureIsNotInIt() {
        BatchOutcome unknown = BatchOutcome.of(BATCH, failures("b", "zz"));
        BatchOutcome blank = BatchOutcome.of(BATCH, failures((String) null));

        assertThat(unknown.toDelete()).isEmpty();
        assertThat(unknown.toRetry()).hasSize(3);
        assertThat(unknown.problem()).contains("zz");
        assertThat(blank.toDelete()).isEmpty();
    }

    private static SQSBatchResponse failures(String... ids) {
        return new SQSBatchResponse(Arrays.stream(ids)
                .map(SQSBatchResponse.BatchItemFailure::new).toList());
    }

    private static Message message(String id) {
        return Message.builder().messageId(id).receiptHandle("rh-" + id).body(id).build();
    }
}
