package io.hostwright.sqs;

import io.hostwright.domain.usage.UsagePollRequest;
import io.hostwright.domain.usage.UsagePollRequests;
import io.hostwright.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The usage FIFO queue: each message's group is its lane ({@code <connection>#<slot>}), so SQS hands out one message
 * per lane at a time and a connection is never read by more pollers than it has lanes; the deduplication id is the
 * message's content (cycle, lane, services), so a planner run repeated within five minutes queues nothing twice.
 */
public final class SqsUsagePollRequests implements UsagePollRequests {

    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsUsagePollRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<UsagePollRequest> requests) {
        for (int from = 0; from < requests.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<UsagePollRequest> batch = requests.subList(from, Math.min(requests.size(), from + BATCH));
            for (int i = 0; i < batch.size(); i++) {
                String body = Json.write(batch.get(i));
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(body)
                        .messageGroupId(batch.get(i).lane()).messageDeduplicationId(sha256(body)).build());
            }
            SendMessageBatchResponse sent = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!sent.failed().isEmpty()) {
                BatchResultErrorEntry first = sent.failed().getFirst();
                throw new IllegalStateException(sent.failed().size() + " usage polls were not queued: "
                        + first.code() + " " + first.message());
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
