package io.hostwright.functions.mailer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** SQS events and a Lambda context for calling the handler as the Lambda runtime would. */
final class TestEvents {

    /** The repository's sample events, relative to this module (functions/mailer). */
    static final Path EVENTS = Path.of("..", "..", "events");

    private TestEvents() {
    }

    static SQSEvent sample(String fileName) {
        try (InputStream in = Files.newInputStream(EVENTS.resolve(fileName))) {
            return LambdaEventSerializers.serializerFor(SQSEvent.class, TestEvents.class.getClassLoader()).fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SQSEvent.SQSMessage message(String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(body);
        message.setEventSource("aws:sqs");
        return message;
    }

    static SQSEvent.SQSMessage message(MailRequest request) {
        return message(Json.write(request));
    }

    static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(Arrays.asList(messages));
        return event;
    }

    static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    static Context context() {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[]{Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> UUID.randomUUID().toString();
                    case "getFunctionName" -> "mailer";
                    case "getRemainingTimeInMillis" -> 30_000;
                    case "getMemoryLimitInMB" -> 512;
                    default -> null;
                });
    }
}
