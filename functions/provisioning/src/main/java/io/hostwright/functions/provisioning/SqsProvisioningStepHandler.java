package io.hostwright.functions.provisioning;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.hostwright.domain.provisioning.ProvisioningRequest;
import io.hostwright.domain.provisioning.ProvisioningStepRunner;
import io.hostwright.json.Json;
import io.hostwright.lambda.telemetry.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.util.ArrayList;
import java.util.List;

/**
 * SQS provisioning queue → {@link ProvisioningStepRunner}, one message at a time. A message that must be tried again
 * later (another delivery holds it) or that failed unexpectedly is reported as a batch item failure, so SQS
 * redelivers it after the visibility timeout and, past the receive limit, parks it in the dead-letter queue.
 */
public final class SqsProvisioningStepHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(SqsProvisioningStepHandler.class);

    private final ProvisioningStepRunner runner;
    private final Telemetry telemetry;

    public SqsProvisioningStepHandler() {
        this(ProvisioningWiring.runnerFromEnvironment());
    }

    public SqsProvisioningStepHandler(ProvisioningStepRunner runner) {
        this.runner = runner;
        this.telemetry = new Telemetry();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.invocation(context, () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
            for (SQSEvent.SQSMessage message : records) {
                if (!handle(message)) {
                    failures.add(SQSBatchResponse.BatchItemFailure.builder()
                            .withItemIdentifier(message.getMessageId()).build());
                }
            }
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        });
    }

    private boolean handle(SQSEvent.SQSMessage message) {
        ProvisioningRequest request;
        try {
            request = Json.read(message.getBody(), ProvisioningRequest.class);
        } catch (RuntimeException undecodable) {
            LOG.error("provisioning message {} is not a provisioning request ({}); it goes to the dead-letter queue",
                    message.getMessageId(), undecodable.getClass().getSimpleName());
            return false;
        }
        MDC.put("serviceId", request.serviceId());
        MDC.put("orderId", String.valueOf(request.orderId()));
        MDC.put("step", request.step());
        MDC.put("attempt", Integer.toString(request.attempt()));
        try {
            ProvisioningStepRunner.Result result = runner.handle(request);
            telemetry.metrics().addMetric("ProvisioningSteps" + capitalised(result.name()), 1, MetricUnit.COUNT);
            LOG.info("provisioning step {} attempt {}: {}", request.step(), request.attempt(), result);
            return result != ProvisioningStepRunner.Result.DEFERRED;
        } catch (RuntimeException e) {
            telemetry.metrics().addMetric("ProvisioningStepErrors", 1, MetricUnit.COUNT);
            LOG.error("provisioning step {} failed unexpectedly; SQS will deliver it again", request.step(), e);
            return false;
        } finally {
            MDC.remove("serviceId");
            MDC.remove("orderId");
            MDC.remove("step");
            MDC.remove("attempt");
        }
    }

    private static String capitalised(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
