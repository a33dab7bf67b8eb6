package io.hostwright.functions.provisioning;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.hostwright.domain.step.Backoff;
import io.hostwright.backends.RegisteredBackends;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.lambda.InvocationContext;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsMailQueue;
import io.hostwright.sqs.SqsStepQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler's translation on the emulators; provisioning itself is proven end to end in infrastructure/local. */
@ExtendWith(LocalAwsExtension.class)
class SqsProvisioningStepHandlerTest {

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        return m;
    }

    @Test
    void undecodableMessagesFailAloneAndUnknownServicesAreDropped(LocalAws aws) {
        SqsProvisioningStepHandler handler = new SqsProvisioningStepHandler(ProvisioningWiring.runner(aws.dynamoDb(),
                aws.tableName(), aws.credentialsTableName(), new SqsStepQueue(aws.sqs(), aws.queueUrl(Manifest.PROVISIONING_QUEUE)),
                new SqsMailQueue(aws.sqs(), aws.queueUrl(Manifest.MAIL_QUEUE)),
                secretRef -> { throw new BackendFailure.Permanent("no back-end in this test", 0, null); },
                RegisteredBackends.ALL, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2)), Clock.systemUTC()));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(
                message("bad", "{not json"),
                message("gone", "{\"serviceId\":\"svc_nope\",\"orderId\":\"ord_nope\",\"module\":\"tenantos\",\"step\":\"begin\",\"attempt\":1}")));

        SQSBatchResponse response = handler.handleRequest(event, InvocationContext.forTest("provisioning"));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("bad");
    }
}
