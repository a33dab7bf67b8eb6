package io.hostwright.functions.mailsent;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.hostwright.domain.mail.MailLog;
import io.hostwright.domain.mail.MailReference;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.RecordSentMail;
import io.hostwright.dynamodb.DynamoDbMailLog;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** SES's "Email Sent" events through the handler into the mail log on DynamoDB Local. */
@ExtendWith(LocalAwsExtension.class)
class EventBridgeMailSentHandlerTest {

    private final String serviceId = "svc_" + UUID.randomUUID();
    private DynamoDbMailLog log;
    private EventBridgeMailSentHandler handler;

    @BeforeEach
    void setUp(LocalAws aws) {
        log = new DynamoDbMailLog(aws.dynamoDb(), aws.tableName());
        handler = new EventBridgeMailSentHandler(new RecordSentMail(log));
    }

    @Test
    void aSendRecordedByTagsMarksTheMailSentSoItsTakeoverSendsNothing() {
        Instant claimed = Instant.now();
        log.claim(serviceId, "server-ready", MailTemplate.SERVER_READY, 1, claimed, Duration.ofMinutes(2));
        String token = new MailReference(serviceId, "server-ready").token();

        String outcome = handler.handleRequest(event(Map.of("tags", Map.of(MailReference.TAG, List.of(token)))), null);

        assertThat(outcome).isEqualTo("RECORDED");
        assertThat(log.claim(serviceId, "server-ready", MailTemplate.SERVER_READY, 1,
                claimed.plus(Duration.ofMinutes(3)), Duration.ofMinutes(2)))
                .as("the delivery after the dead holder's lease").isInstanceOf(MailLog.AlreadySent.class);
        assertThat(handler.handleRequest(event(Map.of("tags", Map.of(MailReference.TAG, List.of(token)))), null))
                .as("EventBridge delivering it twice").isEqualTo("ALREADY_KNOWN");
    }

    @Test
    void theReferenceIsTakenFromTheHeadersWhenTheTagsAreNotThere() {
        String token = new MailReference(serviceId, "suspended").token();

        String outcome = handler.handleRequest(event(Map.of("headers", List.of(
                Map.of("name", "From", "value", "noreply@example.test"),
                Map.of("name", "x-hostwright-mail", "value", token)))), null);

        assertThat(outcome).isEqualTo("RECORDED");
        assertThat(log.claim(serviceId, "suspended", MailTemplate.SUSPENDED, 1, Instant.now(), Duration.ofMinutes(2)))
                .isInstanceOf(MailLog.AlreadySent.class);
    }

    @Test
    void aMailSomeoneElseSentThroughTheConfigurationSetIsIgnored() {
        assertThat(handler.handleRequest(event(Map.of("tags", Map.of("ses:configuration-set", List.of("cs")))), null))
                .isEqualTo("NOT_OURS");
        assertThat(handler.handleRequest(event(Map.of("tags", Map.of(MailReference.TAG, List.of("%%%")))), null))
                .isEqualTo("NOT_OURS");
        assertThat(handler.handleRequest(new ScheduledEvent(), null)).isEqualTo("NOT_OURS");
    }

    private static ScheduledEvent event(Map<String, Object> mailFields) {
        Map<String, Object> mail = new java.util.HashMap<>(Map.of("timestamp", "2026-12-05T10:00:00.512Z",
                "messageId", "ses-" + UUID.randomUUID(), "destination", List.of("alice@example.test")));
        mail.putAll(mailFields);
        return new ScheduledEvent().withId(UUID.randomUUID().toString()).withSource("aws.ses")
                .withDetailType("Email Sent").withDetail(Map.of("eventType", "Send", "mail", mail));
    }
}
