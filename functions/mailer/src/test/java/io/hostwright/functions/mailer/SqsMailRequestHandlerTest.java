package io.hostwright.functions.mailer;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.hostwright.domain.mail.MailClaim;
import io.hostwright.domain.mail.MailLog;
import io.hostwright.domain.mail.MailRenderer;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailSender;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.RenderedMail;
import io.hostwright.domain.mail.SendLifecycleMail;
import io.hostwright.json.Json;
import io.hostwright.domain.fixtures.InMemorySecrets;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.hostwright.functions.mailer.TestEvents.context;
import static io.hostwright.functions.mailer.TestEvents.event;
import static io.hostwright.functions.mailer.TestEvents.failedIds;
import static io.hostwright.functions.mailer.TestEvents.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How the handler answers SQS for each outcome, with the use case over fakes. */
class SqsMailRequestHandlerTest {

    private static final MailRenderer RENDERER = MailRenderer.fromClasspath();
    private static final String SECRET = "s3cr3t-root-pw";

    private final ScriptedLog log = new ScriptedLog();
    private final List<RenderedMail> sent = new ArrayList<>();
    private final MailSender sender = (reference, to, mail) -> {
        sent.add(mail);
        return "msg-" + sent.size();
    };
    private final SqsMailRequestHandler handler =
            new SqsMailRequestHandler(new SendLifecycleMail(RENDERER, new InMemorySecrets(), log, sender, Clock.systemUTC()));

    @Test
    void aMixedBatchReportsOnlyTheRecordsToDeliverAgain() {
        SQSEvent.SQSMessage good = message(request("svc_good", Map.of("productName", "P", "hostname", "h")));
        SQSEvent.SQSMessage notJson = message("{not json " + SECRET);
        SQSEvent.SQSMessage unknownTemplate = message("""
                {"serviceId":"svc_x","event":"e","template":"NO_SUCH_TEMPLATE","to":["a@example.test"],"variables":{}}""");
        SQSEvent.SQSMessage noRecipient = message("""
                {"serviceId":"svc_x","event":"e","template":"SUSPENDED","to":[],"variables":{}}""");
        SQSEvent.SQSMessage missingVariable = message(request("svc_missing", Map.of("productName", "P")));
        SQSEvent.SQSMessage jsonNull = message("null");

        SQSBatchResponse response = handler.handleRequest(
                event(good, notJson, unknownTemplate, noRecipient, missingVariable, jsonNull), context());

        assertThat(failedIds(response)).containsExactly(notJson.getMessageId(), unknownTemplate.getMessageId(),
                noRecipient.getMessageId(), missingVariable.getMessageId(), jsonNull.getMessageId());
        assertThat(sent).hasSize(1);
        assertThat(log.claims).containsExactly("svc_good/suspended");
    }

    @Test
    void aDuplicateIsDoneWithAndNothingIsSent() {
        log.answer = new MailLog.AlreadySent(Instant.parse("2026-11-22T09:00:00Z"));

        SQSBatchResponse response = handler.handleRequest(
                event(message(request("svc_1", Map.of("productName", "P", "hostname", "h")))), context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void aMailAnotherDeliveryIsSendingIsDeliveredAgain() {
        log.answer = new MailLog.HeldElsewhere(Instant.now().plusSeconds(60));
        SQSEvent.SQSMessage record = message(request("svc_1", Map.of("productName", "P", "hostname", "h")));

        SQSBatchResponse response = handler.handleRequest(event(record), context());

        assertThat(failedIds(response)).containsExactly(record.getMessageId());
        assertThat(sent).isEmpty();
    }

    @Test
    void aMailAnotherDeliveryIsSendingIsQueuedAgainToBeLookedAtShortlyAndThisDeliveryIsDone() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        log.answer = new MailLog.HeldElsewhere(now.plusSeconds(60));
        List<Map.Entry<MailRequest, java.time.Duration>> requeued = new ArrayList<>();
        SqsMailRequestHandler requeuing = new SqsMailRequestHandler(
                new SendLifecycleMail(RENDERER, new InMemorySecrets(), log, sender, Clock.systemUTC()),
                (request, delay) -> requeued.add(Map.entry(request, delay)), Clock.fixed(now, java.time.ZoneOffset.UTC));
        MailRequest request = request("svc_1", Map.of("productName", "P", "hostname", "h"));

        SQSBatchResponse response = requeuing.handleRequest(event(message(request)), context());

        assertThat(response.getBatchItemFailures()).as("no receive counted towards the dead-letter queue").isEmpty();
        assertThat(requeued).containsExactly(Map.entry(request, io.hostwright.domain.step.Recheck.SOON));
        assertThat(sent).isEmpty();
    }

    @Test
    void aMailHeldElsewhereThatCannotBeQueuedAgainComesBackAfterTheVisibilityTimeout() {
        log.answer = new MailLog.HeldElsewhere(Instant.now().plusSeconds(60));
        SqsMailRequestHandler cannot = new SqsMailRequestHandler(
                new SendLifecycleMail(RENDERER, new InMemorySecrets(), log, sender, Clock.systemUTC()),
                (request, delay) -> { throw new IllegalStateException("SQS down"); }, Clock.systemUTC());
        SQSEvent.SQSMessage record = message(request("svc_1", Map.of("productName", "P", "hostname", "h")));

        assertThat(failedIds(cannot.handleRequest(event(record), context()))).containsExactly(record.getMessageId());
    }

    @Test
    void aFailingSendIsDeliveredAgainAndTheClaimReleased() {
        SqsMailRequestHandler failing = new SqsMailRequestHandler(new SendLifecycleMail(RENDERER, new InMemorySecrets(), log,
                (reference, to, mail) -> { throw new IllegalStateException("SES down"); }, Clock.systemUTC()));
        SQSEvent.SQSMessage record = message(request("svc_1", Map.of("productName", "P", "hostname", "h")));

        SQSBatchResponse response = failing.handleRequest(event(record), context());

        assertThat(failedIds(response)).containsExactly(record.getMessageId());
        assertThat(log.released).hasSize(1);
    }

    @Test
    void logsNameServiceAndEventButNeverAVariable() {
        Map<String, String> withSecret = Map.of("productName", "P", "hostname", "h", "reason", SECRET);
        SQSEvent.SQSMessage ok = message(request("svc_logged", withSecret));
        SQSEvent.SQSMessage missing = message(request("svc_logged_missing", Map.of("reason", SECRET)));
        SQSEvent.SQSMessage broken = message("{\"variables\":{\"rootPassword\":\"" + SECRET + "\"}, oops");
        SqsMailRequestHandler failing = new SqsMailRequestHandler(new SendLifecycleMail(RENDERER, new InMemorySecrets(), log,
                (reference, to, mail) -> { throw new IllegalStateException("SES down"); }, Clock.systemUTC()));

        List<String> lines;
        try (LogCapture capture = LogCapture.open()) {
            handler.handleRequest(event(ok, missing, broken), context());
            failing.handleRequest(event(message(request("svc_logged_failing", withSecret))), context());
            lines = capture.lines();
        }

        assertThat(lines).isNotEmpty().noneMatch(line -> line.contains(SECRET));
        assertThat(lines).anyMatch(l -> l.startsWith("INFO mail sent") && l.contains("serviceId=svc_logged,")
                && l.contains("event=suspended"));
        assertThat(lines).anyMatch(l -> l.startsWith("ERROR mail cannot be rendered")
                && l.contains("needs variable hostname") && l.contains("serviceId=svc_logged_missing"));
        assertThat(lines).anyMatch(l -> l.startsWith("ERROR mail request is not a valid MailRequest"));
        assertThat(lines).anyMatch(l -> l.startsWith("ERROR mail not sent") && l.contains("SES down")
                && l.contains("serviceId=svc_logged_failing"));
    }

    @Test
    void anEmptyEventAnswersNoFailures() {
        assertThat(handler.handleRequest(new SQSEvent(), context()).getBatchItemFailures()).isEmpty();
    }

    @Test
    void decodingFailuresAreDescribedWithoutQuotingTheBody() {
        assertThat(describe("{\"rootPassword\": " + SECRET + "}")).isEqualTo("JsonParseException").doesNotContain(SECRET);
        assertThat(describe("""
                {"serviceId":"s","event":"e","template":"NOPE","to":["a@example.test"],"variables":{}}"""))
                .isEqualTo("InvalidFormatException at /template");
        assertThat(describe("""
                {"serviceId":"s","event":"e","template":"SUSPENDED","to":[],"variables":{"rootPassword":"%s"}}"""
                .formatted(SECRET)))
                .isEqualTo("ValueInstantiationException: a mail needs a recipient");
    }

    private static String describe(String body) {
        UncheckedIOException e = catchThrowableOfType(UncheckedIOException.class, () -> Json.read(body, MailRequest.class));
        assertThat(e).as("decoding fails").isNotNull();
        return SqsMailRequestHandler.describeDecodingFailure(e);
    }

    private static MailRequest request(String serviceId, Map<String, String> variables) {
        return new MailRequest(serviceId, "suspended", MailTemplate.SUSPENDED, List.of("a@example.test"), variables);
    }

    /** Claims succeed unless told otherwise; records what was claimed and released. */
    private static final class ScriptedLog implements MailLog {
        final List<String> claims = new ArrayList<>();
        final List<MailClaim> released = new ArrayList<>();
        ClaimResult answer;

        @Override
        public ClaimResult claim(String serviceId, String event, MailTemplate template, int recipients,
                                 Instant now, Duration lease) {
            claims.add(serviceId + "/" + event);
            return answer != null ? answer : new Claimed(new MailClaim(serviceId, event, "c1", now.plus(lease)));
        }

        @Override
        public boolean markSent(MailClaim claim, Instant sentAt, String messageId) {
            return true;
        }

        @Override
        public boolean recordSent(String serviceId, String event, String messageId, Instant sentAt) {
            return true;
        }

        @Override
        public void release(MailClaim claim) {
            released.add(claim);
        }
    }
}
