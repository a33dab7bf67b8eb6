package io.hostwright.functions.templatesync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.hostwright.domain.template.SyncRequest;
import io.hostwright.domain.template.SyncRun;
import io.hostwright.domain.template.SyncTemplates;
import io.hostwright.json.Json;
import io.hostwright.lambda.sqs.SqsBatches;
import io.hostwright.lambda.telemetry.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.util.Optional;

/**
 * SQS template-sync queue → {@link SyncTemplates}: one connection per message. A back-end that fails is a recorded
 * failed run, not a failed message; only what could not be recorded (the table unreachable) is redelivered, then
 * dead-lettered. A message that is not a sync request is dropped with an error log: redelivering it cannot help.
 */
public final class SqsTemplateSyncHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(SqsTemplateSyncHandler.class);

    private final SyncTemplates sync;
    private final Telemetry telemetry;

    public SqsTemplateSyncHandler() {
        this(TemplateSyncWiring.fromEnvironment());
    }

    public SqsTemplateSyncHandler(SyncTemplates sync) {
        this.sync = sync;
        this.telemetry = new Telemetry();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.invocation(context, () -> SqsBatches.eachMessage(event, this::handle));
    }

    private boolean handle(SQSEvent.SQSMessage message) {
        SyncRequest request;
        try {
            request = Json.read(message.getBody(), SyncRequest.class);
        } catch (RuntimeException unreadable) {
            LOG.error("dropped message {}: not a sync request ({})", message.getMessageId(), unreadable.getMessage());
            return true;
        }
        try {
            Optional<SyncRun> run = sync.run(request.connectionId(), request.runId(), request.trigger());
            if (run.isEmpty()) {
                LOG.info("nothing to sync for connection {}: deleted, or its back-end syncs nothing",
                        request.connectionId());
                return true;
            }
            SyncRun r = run.get();
            telemetry.metrics().addMetric(r.failed() ? "TemplateSyncsFailed" : "TemplateSyncsSucceeded", 1,
                    MetricUnit.COUNT);
            if (r.failed()) {
                LOG.warn("sync {} of connection {} failed: {}", r.runId(), r.connectionId(), r.error());
            } else {
                LOG.info("sync {} of connection {}: {} added, {} updated, {} removed, {} unchanged", r.runId(),
                        r.connectionId(), r.added(), r.updated(), r.removed(), r.unchanged());
            }
            return true;
        } catch (RuntimeException unexpected) {
            LOG.error("sync {} of connection {} could not run; it is redelivered", request.runId(),
                    request.connectionId(), unexpected);
            return false;
        }
    }
}
