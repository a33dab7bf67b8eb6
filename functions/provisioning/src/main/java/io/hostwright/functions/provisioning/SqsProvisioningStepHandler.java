package io.hostwright.functions.provisioning;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.hostwright.domain.provisioning.ProvisioningStepRunner;
import io.hostwright.lambda.sqs.SqsBatches;
import io.hostwright.lambda.sqs.StepMessages;
import io.hostwright.lambda.telemetry.Telemetry;

/**
 * SQS provisioning queue → {@link ProvisioningStepRunner}, one message at a time; a message not done with is a batch
 * item failure (redelivered, then dead-lettered), see {@link StepMessages}.
 */
public final class SqsProvisioningStepHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final Telemetry telemetry;
    private final StepMessages messages;

    public SqsProvisioningStepHandler() {
        this(ProvisioningWiring.runnerFromEnvironment());
    }

    public SqsProvisioningStepHandler(ProvisioningStepRunner runner) {
        this.telemetry = new Telemetry();
        this.messages = new StepMessages("Provisioning", runner::handle, telemetry);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.invocation(context, () -> SqsBatches.eachMessage(event, messages::handle));
    }
}
