package io.hostwright.local.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which messages of a batch Lambda's event source deletes after the function returned, with batch item failures
 * reported: all but those listed in {@link SQSBatchResponse#getBatchItemFailures()}. A response naming an id that is
 * not in the batch (or none at all) is, as in Lambda, a failure of the whole batch.
 */
record BatchOutcome(List<Message> toDelete, List<Message> toRetry, String problem) {

    static BatchOutcome of(List<Message> batch, Object response) {
        if (!(response instanceof SQSBatchResponse batchResponse) || batchResponse.getBatchItemFailures() == null
                || batchResponse.getBatchItemFailures().isEmpty()) {
            return new BatchOutcome(batch, List.of(), null);
        }
        Set<String> inBatch = batch.stream().map(Message::messageId).collect(Collectors.toSet());
        Set<String> failed = batchResponse.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .map(id -> id == null ? "" : id)
                .collect(Collectors.toSet());
        if (!inBatch.containsAll(failed)) {
            return wholeBatchFailed(batch, "batchItemFailures names " + failed.stream().filter(id -> !inBatch.contains(id))
                    .toList() + ", not in the batch: the whole batch is retried");
        }
        return new BatchOutcome(
                batch.stream().filter(m -> !failed.contains(m.messageId())).toList(),
                batch.stream().filter(m -> failed.contains(m.messageId())).toList(),
                null);
    }

    static BatchOutcome wholeBatchFailed(List<Message> batch, String problem) {
        return new BatchOutcome(List.of(), batch, problem);
    }

    /** Two deliveries of one batch: a message either of them deleted is deleted, as SQS would. */
    BatchOutcome orDeletedBy(BatchOutcome other) {
        Set<String> deleted = Stream.concat(toDelete.stream(), other.toDelete().stream())
                .map(Message::messageId).collect(Collectors.toSet());
        List<Message> batch = Stream.concat(toDelete.stream(), toRetry.stream()).toList();
        return new BatchOutcome(batch.stream().filter(m -> deleted.contains(m.messageId())).toList(),
                batch.stream().filter(m -> !deleted.contains(m.messageId())).toList(), problem);
    }
}
