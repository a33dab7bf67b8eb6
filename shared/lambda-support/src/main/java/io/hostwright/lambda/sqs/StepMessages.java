package io.hostwright.lambda.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.hostwright.domain.step.StepMessage;
import io.hostwright.domain.step.StepResult;
import io.hostwright.json.Json;
import io.hostwright.lambda.telemetry.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Step messages (provisioning or lifecycle queue) → a step runner, one at a time. A message that must be tried again
 * later (the state changed under it) or that failed unexpectedly is not done with, so SQS redelivers it after the
 * visibility timeout and, past the receive limit, parks it in the dead-letter queue. One another delivery holds was
 * queued again by the runner for when that claim runs out, so it is done with.
 */
public final class StepMessages {

    private static final Logger LOG = LoggerFactory.getLogger(StepMessages.class);

    private final String kind;
    private final Function<StepMessage, StepResult> runner;
    private final Telemetry telemetry;

    /** @param kind "Provisioning" or "Lifecycle": names the metrics ({@code <kind>StepsRan}…) and log lines */
    public StepMessages(String kind, Function<StepMessage, StepResult> runner,
                        Telemetry telemetry) {
        this.kind = kind;
        this.runner = runner;
        this.telemetry = telemetry;
    }

    /** @return whether the message is done with */
    public boolean handle(SQSEvent.SQSMessage message) {
        StepMessage request;
        try {
            // a JSON null decodes to no request at all: as undecodable as malformed JSON
            request = Objects.requireNonNull(Json.read(message.getBody(), StepMessage.class), "a JSON null");
        } catch (RuntimeException undecodable) {
            LOG.error("{} message {} is not a step request ({}); it goes to the dead-letter queue", kind,
                    message.getMessageId(), undecodable.getClass().getSimpleName());
            return false;
        }
        MDC.put("serviceId", request.serviceId());
        MDC.put("orderId", String.valueOf(request.orderId()));
        MDC.put("operationId", String.valueOf(request.operationId()));
        MDC.put("step", request.step());
        MDC.put("attempt", Integer.toString(request.attempt()));
        try {
            StepResult result = runner.apply(request);
            telemetry.metrics().addMetric(kind + "Steps" + capitalised(result.name()), 1, MetricUnit.COUNT);
            LOG.info("{} step {} attempt {}: {}", kind, request.step(), request.attempt(), result);
            return result != StepResult.DEFERRED;
        } catch (RuntimeException e) {
            telemetry.metrics().addMetric(kind + "StepErrors", 1, MetricUnit.COUNT);
            LOG.error("{} step {} failed unexpectedly; SQS will deliver it again", kind, request.step(), e);
            return false;
        } finally {
            MDC.remove("serviceId");
            MDC.remove("orderId");
            MDC.remove("operationId");
            MDC.remove("step");
            MDC.remove("attempt");
        }
    }

    private static String capitalised(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
