package io.hostwright.emulators;

import io.hostwright.manifest.Manifest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a JVM of its own by {@link KillTest}: writes to all three emulators on the data directory it is given, says
 * so once every write was answered, then dies on the spot ({@code halt}: no shutdown hook, nothing closed or flushed),
 * as a killed process does.
 */
public final class KilledWriter {

    static final int MESSAGES = 20;

    public static void main(String[] args) {
        LocalAws aws = LocalAws.start(LocalAws.Ports.ANY_FREE, Path.of(args[0]));
        for (int i = 0; i < MESSAGES; i++) {
            int n = i;
            aws.dynamoDb().putItem(p -> p.tableName(aws.tableName()).item(Map.of(
                    "pk", AttributeValue.fromS("KILL#" + n), "sk", AttributeValue.fromS("META"))));
            aws.sqs().sendMessage(s -> s.queueUrl(aws.queueUrl(Manifest.QUEUES.getFirst().name()))
                    .messageBody("message " + n));
        }
        aws.ses().sendEmail(send -> send.fromEmailAddress(aws.resourceNames().mailFrom())
                .destination(d -> d.toAddresses("customer@example.com"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("sent just before the kill"))
                        .body(b -> b.text(t -> t.data("body"))))));
        System.out.println("written");
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }
}
