package io.hostwright.sqs;

import io.hostwright.domain.template.SyncRequest;
import io.hostwright.domain.template.SyncRequests;
import io.hostwright.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.util.ArrayList;
import java.util.List;

/** The template-sync queue: one message per connection, sent ten to a call; a message SQS refused fails the call. */
public final class SqsSyncRequests implements SyncRequests {

    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsSyncRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void request(List<SyncRequest> requests) {
        for (int from = 0; from < requests.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<SyncRequest> batch = requests.subList(from, Math.min(requests.size(), from + BATCH));
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(Json.write(batch.get(i))).build());
            }
            SendMessageBatchResponse sent = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!sent.failed().isEmpty()) {
                BatchResultErrorEntry first = sent.failed().getFirst();
                throw new IllegalStateException(sent.failed().size() + " sync requests were not queued: "
                        + first.code() + " " + first.message());
            }
        }
    }
}
