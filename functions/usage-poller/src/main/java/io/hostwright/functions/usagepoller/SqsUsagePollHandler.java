package io.hostwright.functions.usagepoller;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.hostwright.domain.usage.PollUsage;
import io.hostwright.domain.usage.PollUsageBatch;
import io.hostwright.domain.usage.UsagePollRequest;
import io.hostwright.json.Json;
import io.hostwright.lambda.sqs.SqsBatches;
import io.hostwright.lambda.telemetry.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * SQS usage queue (FIFO, one message per lane at a time) → {@link PollUsageBatch}. A back-end that cannot be read is
 * not a failed message — the next cycle catches its windows up; only what could not be written (the table
 * unreachable) is redelivered. A message that is not a poll request is dropped with an error log.
 */
public final class SqsUsagePollHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(SqsUsagePollHandler.class);

    private final PollUsageBatch batch;
    private final Telemetry telemetry;

    public SqsUsagePollHandler() {
        this(UsagePollerWiring.fromEnvironment());
    }

    public SqsUsagePollHandler(PollUsageBatch batch) {
        this.batch = batch;
        this.telemetry = new Telemetry();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.invocation(context, () -> SqsBatches.eachMessage(event, this::handle));
    }

    private boolean handle(SQSEvent.SQSMessage message) {
        UsagePollRequest request;
        try {
            request = Json.read(message.getBody(), UsagePollRequest.class);
        } catch (RuntimeException unreadable) {
            LOG.error("dropped message {}: not a usage poll ({})", message.getMessageId(), unreadable.getMessage());
            return true;
        }
        try {
            PollUsageBatch.Result result = batch.run(request);
            long counted = result.outcomes().stream().filter(o -> o.status() == PollUsage.Status.COUNTED).count();
            int resets = result.outcomes().stream().mapToInt(PollUsage.Outcome::resetWindows).sum();
            telemetry.metrics().addMetric("UsageServicesPolled", result.outcomes().size(), MetricUnit.COUNT);
            telemetry.metrics().addMetric("UsageServicesFailed", result.failures().size() + result.leftForNextCycle(),
                    MetricUnit.COUNT);
            for (PollUsage.Outcome outcome : result.outcomes()) {
                if (outcome.resetWindows() > 0) {
                    LOG.warn("service {}: {} windows reported negative (a counter reset upstream), counted as nothing",
                            outcome.serviceId(), outcome.resetWindows());
                }
                if (outcome.skippedWindows() > 0) {
                    LOG.warn("service {}: {} windows older than the catch-up limit left uncounted",
                            outcome.serviceId(), outcome.skippedWindows());
                }
                if (!outcome.actions().isEmpty()) {
                    LOG.info("service {}: {}", outcome.serviceId(), outcome.actions());
                }
            }
            if (!result.failures().isEmpty()) {
                LOG.warn("lane {}: {} services not read ({} more left for the next cycle): {}", request.lane(),
                        result.failures().size(), result.leftForNextCycle(), result.failures());
            }
            LOG.info("lane {}: {} services, {} counted new windows, {} resets", request.lane(),
                    request.serviceIds().size(), counted, resets);
            return true;
        } catch (RuntimeException unexpected) {
            LOG.error("lane {} could not be polled; it is redelivered", request.lane(), unexpected);
            return false;
        }
    }
}
