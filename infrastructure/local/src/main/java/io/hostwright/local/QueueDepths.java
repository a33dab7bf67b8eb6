package io.hostwright.local;

import io.hostwright.emulators.LocalAws;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.QueueSpec;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /local/queues}: how much work waits in each queue — visible, being handled, delayed (a retry's backoff)
 * — and how many messages its dead-letter queue holds, so "is anything stuck?" has an answer on the laptop.
 */
final class QueueDepths {

    /** One queue's depth, from SQS's approximate counts (exact on the emulator). */
    record Depth(String queue, int visible, int inFlight, int delayed, int deadLetters) {
    }

    private QueueDepths() {
    }

    static List<Depth> of(LocalAws aws) {
        return Manifest.QUEUES.stream().map(queue -> depth(aws, queue)).toList();
    }

    private static Depth depth(LocalAws aws, QueueSpec queue) {
        Map<QueueAttributeName, String> work = counts(aws, aws.queueUrl(queue.name()));
        Map<QueueAttributeName, String> dead = counts(aws, aws.deadLetterQueueUrl(queue.name()));
        return new Depth(queue.name(), count(work, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                count(work, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                count(work, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED),
                count(dead, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                        + count(dead, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                        + count(dead, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
    }

    private static Map<QueueAttributeName, String> counts(LocalAws aws, String url) {
        return aws.sqs().getQueueAttributes(g -> g.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
    }

    private static int count(Map<QueueAttributeName, String> counts, QueueAttributeName name) {
        return Integer.parseInt(counts.getOrDefault(name, "0"));
    }
}
