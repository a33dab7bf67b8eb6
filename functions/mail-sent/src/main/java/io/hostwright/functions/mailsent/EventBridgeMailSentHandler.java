package io.hostwright.functions.mailsent;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.hostwright.domain.mail.RecordSentMail;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.dynamodb.DynamoDbMailLog;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.lambda.telemetry.Telemetry;
import io.hostwright.manifest.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * EventBridge, SES's "Email Sent" (published by the mail configuration set) → {@link RecordSentMail}: the mail the
 * message's reference names is marked sent in the mail log. An event that is not about a Hostwright mail is ignored;
 * a failure of the table fails the invocation, which EventBridge retries (a repeat records nothing twice).
 */
public final class EventBridgeMailSentHandler implements RequestHandler<ScheduledEvent, String> {

    private static final Logger LOG = LoggerFactory.getLogger(EventBridgeMailSentHandler.class);

    private final RecordSentMail record;
    private final Telemetry telemetry;

    public EventBridgeMailSentHandler() {
        this(new RecordSentMail(new DynamoDbMailLog(DynamoDbClients.fromEnvironment(),
                FunctionEnvironment.require(Manifest.TABLE_VARIABLE))));
    }

    public EventBridgeMailSentHandler(RecordSentMail record) {
        this.record = record;
        this.telemetry = new Telemetry();
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        return telemetry.invocation(context, () -> {
            SesSendEvent send = SesSendEvent.of(event);
            if (send.reference().isEmpty()) {
                LOG.info("SES event {} ({}) names no Hostwright mail; nothing to record", event == null ? null
                        : event.getId(), send.messageId());
                return RecordSentMail.Outcome.NOT_OURS.name();
            }
            RecordSentMail.Outcome outcome = record.record(send.reference().get(), send.messageId(), send.sentAt());
            telemetry.metrics().addMetric("MailSendsRecorded" + (outcome == RecordSentMail.Outcome.RECORDED
                    ? "" : "AlreadyKnown"), 1, MetricUnit.COUNT);
            LOG.info("SES sent {}: {}", send.messageId(), outcome);
            return outcome.name();
        });
    }
}
