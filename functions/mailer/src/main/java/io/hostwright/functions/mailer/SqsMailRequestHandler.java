package io.hostwright.functions.mailer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.hostwright.domain.mail.MailRenderer;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.SendLifecycleMail;
import io.hostwright.domain.mail.UnrenderableMail;
import io.hostwright.domain.step.Recheck;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.dynamodb.DynamoDbMailLog;
import io.hostwright.dynamodb.DynamoDbServiceSecrets;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import io.hostwright.json.Json;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.lambda.sqs.SqsBatches;
import io.hostwright.lambda.telemetry.Telemetry;
import io.hostwright.manifest.Manifest;
import io.hostwright.ses.SesClients;
import io.hostwright.ses.SesMailSender;
import io.hostwright.sqs.SqsClients;
import io.hostwright.sqs.SqsQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * SQS {@code mail} queue → {@link SendLifecycleMail}, one record at a time, answering the records to deliver again
 * as {@code batchItemFailures} (the event source reports batch item failures).
 *
 * <p>Failed, and so delivered again: a send or table error (the claim was released). A request another delivery is
 * sending right now is queued again to be looked at in a few seconds (then it finds the mail sent, or, once the
 * claim has run out, takes it over) and counts as done, so waiting for a sender that died costs no receive towards the dead-letter
 * queue; where it cannot be queued again, it is failed and comes back after the visibility timeout. A request that
 * can never succeed (not a {@link MailRequest}, unknown template, missing required variable) is logged as an error
 * and reported failed as well, rather than dropped: after the queue's {@code maxReceiveCount} it lands in the
 * dead-letter queue, whose alarm tells ops, and a fixed producer's request can be redriven from there. Retrying it
 * costs a few cheap receives, never a mail or a table write, because rendering comes before claiming.
 *
 * <p>Logs carry serviceId, event and template, never the variables. Requests carry no credential: a customer mail
 * names the service's secret (the root password), read from the credentials table only when it is sent.
 */
public final class SqsMailRequestHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(SqsMailRequestHandler.class);
    private static final List<String> LOG_KEYS = List.of("sqsMessageId", "serviceId", "event", "template");

    /** Queues a request again, to be delivered after a delay. */
    @FunctionalInterface
    public interface Requeue {
        void after(MailRequest request, Duration delay);
    }

    private final SendLifecycleMail sendMail;
    private final Requeue requeue;
    private final Clock clock;
    private final Telemetry telemetry;

    public SqsMailRequestHandler() {
        this(sendMailFromEnvironment(), SqsQueues.mail(SqsClients.fromEnvironment())::enqueueAfter,
                Clock.systemUTC());
    }

    /** Without a way to queue again: a request held elsewhere comes back after the visibility timeout. */
    public SqsMailRequestHandler(SendLifecycleMail sendMail) {
        this(sendMail, null, Clock.systemUTC());
    }

    public SqsMailRequestHandler(SendLifecycleMail sendMail, Requeue requeue, Clock clock) {
        this.sendMail = sendMail;
        this.requeue = requeue;
        this.clock = clock;
        this.telemetry = new Telemetry();
    }

    private static SendLifecycleMail sendMailFromEnvironment() {
        DynamoDbClient dynamo = DynamoDbClients.fromEnvironment();
        DynamoDbMailLog log = new DynamoDbMailLog(dynamo, FunctionEnvironment.require(Manifest.TABLE_VARIABLE));
        // the root password a customer mail names is read here, from the credentials table, never from the queue
        DynamoDbServiceSecrets secrets = new DynamoDbServiceSecrets(dynamo,
                FunctionEnvironment.require(Manifest.CREDENTIALS_TABLE_VARIABLE));
        SesMailSender sender = SesMailSender.fromEnvironment(SesClients.fromEnvironment());
        return new SendLifecycleMail(MailRenderer.fromClasspath(), secrets, log, sender, Clock.systemUTC());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.invocation(context, () -> {
            Counts counts = new Counts();
            SQSBatchResponse response = SqsBatches.eachMessage(event, message -> deliver(message, counts));
            counts.publish(telemetry);
            return response;
        });
    }

    /** @return whether the record is done with (sent now or before); false to have it delivered again */
    private boolean deliver(SQSEvent.SQSMessage message, Counts counts) {
        MDC.put("sqsMessageId", message.getMessageId());
        try {
            MailRequest request;
            try {
                request = Json.read(message.getBody(), MailRequest.class);
                if (request == null) {
                    // a JSON null body reads as no request at all: fail it alone, not the whole batch
                    throw new IllegalArgumentException("the body is JSON null");
                }
            } catch (RuntimeException e) {
                counts.failed++;
                LOG.error("mail request is not a valid MailRequest ({}); it will reach the dead-letter queue",
                        describeDecodingFailure(e));
                return false;
            }
            MDC.put("serviceId", request.serviceId());
            MDC.put("event", request.event());
            MDC.put("template", request.template().key());
            return send(request, counts);
        } finally {
            LOG_KEYS.forEach(MDC::remove);
        }
    }

    private boolean send(MailRequest request, Counts counts) {
        try {
            return switch (sendMail.send(request)) {
                case SendLifecycleMail.Sent sent -> {
                    counts.sent++;
                    if (sent.recorded()) {
                        LOG.info("mail sent as {}", sent.messageId());
                    } else {
                        LOG.warn("mail sent as {} but not recorded in the mail log; a later copy of this request "
                                + "could send it again", sent.messageId());
                    }
                    yield true;
                }
                case SendLifecycleMail.AlreadySent already -> {
                    counts.duplicates++;
                    LOG.info("duplicate delivery: mail already sent at {}", already.sentAt());
                    yield true;
                }
                case SendLifecycleMail.RetryLater later -> {
                    counts.deferred++;
                    yield requeuedUntil(request, later.leaseUntil());
                }
            };
        } catch (UnrenderableMail e) {
            counts.failed++;
            LOG.error("mail cannot be rendered: {}; it will reach the dead-letter queue", e.getMessage());
            return false;
        } catch (RuntimeException e) {
            counts.failed++;
            LOG.error("mail not sent; the queue will deliver it again", e);
            return false;
        }
    }

    /** @return whether the request is done with: queued again to be looked at shortly ({@link Recheck}) */
    private boolean requeuedUntil(MailRequest request, Instant leaseUntil) {
        if (requeue == null) {
            LOG.info("another delivery is sending this mail; retrying after {}", leaseUntil);
            return false;
        }
        try {
            requeue.after(request, Recheck.after(clock.instant(), leaseUntil));
            LOG.info("another delivery is sending this mail (its claim runs to {}); queued again to look shortly",
                    leaseUntil);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("another delivery is sending this mail and it could not be queued again ({}); it returns after"
                    + " the visibility timeout", e.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * Names what is wrong without quoting the body: a parser message can echo a token of it, and the body holds the
     * variables.
     */
    static String describeDecodingFailure(RuntimeException e) {
        Throwable cause = e instanceof UncheckedIOException io && io.getCause() != null ? io.getCause() : e;
        StringBuilder reason = new StringBuilder(cause.getClass().getSimpleName());
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            reason.append(" at ");
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                reason.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
            }
        }
        if (cause instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
            // MailRequest's own checks, which name fields and never quote values
            reason.append(": ").append(invalid.getCause().getMessage());
        }
        return reason.toString();
    }

    private static final class Counts {
        int sent;
        int duplicates;
        int deferred;
        int failed;

        void publish(Telemetry telemetry) {
            telemetry.metrics().addMetric("MailsSent", sent, MetricUnit.COUNT);
            telemetry.metrics().addMetric("MailsSkippedDuplicate", duplicates, MetricUnit.COUNT);
            telemetry.metrics().addMetric("MailsDeferred", deferred, MetricUnit.COUNT);
            telemetry.metrics().addMetric("MailsFailed", failed, MetricUnit.COUNT);
        }
    }
}
