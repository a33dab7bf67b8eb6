package io.hostwright.sqs;

import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.manifest.Manifest;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The queue adapters a function gets from the URLs the manifest put in its environment. */
public final class SqsQueues {

    private SqsQueues() {
    }

    public static SqsStepQueue provisioning(SqsClient sqs) {
        return new SqsStepQueue(sqs, urlOf(Manifest.PROVISIONING_QUEUE));
    }

    /** The lifecycle queue carries the same step messages as the provisioning queue, for operations. */
    public static SqsStepQueue lifecycle(SqsClient sqs) {
        return new SqsStepQueue(sqs, urlOf(Manifest.LIFECYCLE_QUEUE));
    }

    public static SqsMailQueue mail(SqsClient sqs) {
        return new SqsMailQueue(sqs, urlOf(Manifest.MAIL_QUEUE));
    }

    public static SqsSyncRequests syncRequests(SqsClient sqs) {
        return new SqsSyncRequests(sqs, urlOf(Manifest.SYNC_QUEUE));
    }

    public static SqsUsagePollRequests usagePolls(SqsClient sqs) {
        return new SqsUsagePollRequests(sqs, urlOf(Manifest.USAGE_QUEUE));
    }

    private static String urlOf(String queue) {
        return FunctionEnvironment.require(Manifest.queue(queue).urlVariable());
    }
}
