package io.hostwright.functions.lifecycle;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.hostwright.domain.operation.OperationStepRunner;
import io.hostwright.lambda.sqs.SqsBatches;
import io.hostwright.lambda.sqs.StepMessages;
import io.hostwright.lambda.telemetry.Telemetry;

/**
 * SQS lifecycle queue → {@link OperationStepRunner}: one step of a suspend, unsuspend, terminate or reinstall per
 * message; a message not done with is a batch item failure (redelivered, then dead-lettered).
 */
public final class SqsLifecycleStepHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final Telemetry telemetry;
    private final StepMessages messages;

    public SqsLifecycleStepHandler() {
        this(LifecycleWiring.runnerFromEnvironment());
    }

    public SqsLifecycleStepHandler(OperationStepRunner runner) {
        this.telemetry = new Telemetry();
        this.messages = new StepMessages("Lifecycle", runner::handle, telemetry);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.invocation(context, () -> SqsBatches.eachMessage(event, messages::handle));
    }
}
