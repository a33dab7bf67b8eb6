package io.hostwright.emulators;

import io.hostwright.manifest.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the emulators answered before their process died on the spot is there at the next start on the same data. */
class KillTest {

    @Test
    void everyAnsweredWriteSurvivesTheProcessDyingRightAfter(@TempDir Path data) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process writer = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), KilledWriter.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        String output = new String(writer.getInputStream().readAllBytes());
        assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("written");
        assertThat(writer.exitValue()).as(output).isEqualTo(137);
        // its Node process notices the JVM is gone and exits by itself (LifecycleTest); the next one takes a free port

        try (LocalAws aws = LocalAws.start(LocalAws.Ports.ANY_FREE, data)) {
            for (int n = 0; n < KilledWriter.MESSAGES; n++) {
                int i = n;
                assertThat(aws.dynamoDb().getItem(g -> g.tableName(aws.tableName()).key(Map.of(
                        "pk", AttributeValue.fromS("KILL#" + i), "sk", AttributeValue.fromS("META")))).hasItem())
                        .as("item %d", n).isTrue();
            }
            assertThat(aws.sqs().getQueueAttributes(g -> g.queueUrl(aws.queueUrl(Manifest.QUEUES.getFirst().name()))
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo(String.valueOf(KilledWriter.MESSAGES));
            assertThat(aws.sentEmails()).extracting(SentEmail::subject).containsExactly("sent just before the kill");
        }
    }
}
