package io.hostwright.domain.mail;

import io.hostwright.domain.fixtures.InMemorySecrets;
import io.hostwright.domain.fixtures.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendLifecycleMailTest {

    private static final MailRenderer RENDERER = MailRenderer.fromClasspath();
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final InMemoryMailLog log = new InMemoryMailLog();
    private final RecordingSender sender = new RecordingSender();
    private final InMemorySecrets secrets = new InMemorySecrets();
    private final SendLifecycleMail sendMail = new SendLifecycleMail(RENDERER, secrets, log, sender, clock, LEASE);

    @Test
    void sendsTheRenderedMailAndRecordsItAsSent() {
        MailRequest request = SampleMails.request(MailTemplate.SERVER_READY);

        SendLifecycleMail.Outcome outcome = sendMail.send(request);

        assertThat(outcome).isEqualTo(new SendLifecycleMail.Sent("msg-1", true));
        assertThat(sender.sent).singleElement().satisfies(s -> {
            assertThat(s.to()).containsExactly("alice@example.test");
            assertThat(s.mail()).isEqualTo(RENDERER.render(request));
        });
        assertThat(log.entry("svc_0001", "server-ready"))
                .extracting(InMemoryMailLog.Entry::status, InMemoryMailLog.Entry::sentAt, InMemoryMailLog.Entry::messageId)
                .containsExactly("SENT", clock.instant(), "msg-1");
    }

    @Test
    void aSecondDeliveryOfTheSameEventSendsNothing() {
        MailRequest request = SampleMails.request(MailTemplate.SERVER_READY);
        sendMail.send(request);
        clock.advance(Duration.ofHours(1));

        SendLifecycleMail.Outcome outcome = sendMail.send(request);

        assertThat(outcome).isEqualTo(new SendLifecycleMail.AlreadySent(clock.instant().minus(Duration.ofHours(1))));
        assertThat(sender.sent).hasSize(1);
    }

    @Test
    void anotherEventOfTheSameServiceIsItsOwnMail() {
        sendMail.send(SampleMails.request(MailTemplate.REINSTALL_FINISHED));
        MailRequest second = new MailRequest("svc_0001", "reinstall-finished#act_2", MailTemplate.REINSTALL_FINISHED,
                List.of("alice@example.test"), SampleMails.variablesFor(MailTemplate.REINSTALL_FINISHED));

        assertThat(sendMail.send(second)).isInstanceOf(SendLifecycleMail.Sent.class);
        assertThat(sender.sent).hasSize(2);
    }

    @Test
    void aLiveClaimOfAnotherDeliveryMeansRetryLater() {
        MailRequest request = SampleMails.request(MailTemplate.SERVER_READY);
        log.claim("svc_0001", "server-ready", MailTemplate.SERVER_READY, 1, clock.instant(), LEASE);
        clock.advance(Duration.ofSeconds(30));

        SendLifecycleMail.Outcome outcome = sendMail.send(request);

        assertThat(outcome).isEqualTo(new SendLifecycleMail.RetryLater(clock.instant().minusSeconds(30).plus(LEASE)));
        assertThat(sender.sent).isEmpty();
    }

    @Test
    void anExpiredClaimOfACrashedDeliveryIsTakenOver() {
        MailRequest request = SampleMails.request(MailTemplate.SERVER_READY);
        log.claim("svc_0001", "server-ready", MailTemplate.SERVER_READY, 1, clock.instant(), LEASE);
        clock.advance(LEASE.plusSeconds(1));

        assertThat(sendMail.send(request)).isInstanceOf(SendLifecycleMail.Sent.class);
        assertThat(sender.sent).hasSize(1);
    }

    @Test
    void aFailedSendReleasesTheClaimAndRethrowsSoARedeliverySends() {
        MailRequest request = SampleMails.request(MailTemplate.SERVER_READY);
        RuntimeException down = new IllegalStateException("SES unreachable");
        sender.failure.set(down);

        assertThatThrownBy(() -> sendMail.send(request)).isSameAs(down);
        assertThat(log.entry("svc_0001", "server-ready")).isNull();

        sender.failure.set(null);
        assertThat(sendMail.send(request)).isInstanceOf(SendLifecycleMail.Sent.class);
        assertThat(sender.sent).hasSize(1);
    }

    @Test
    void anUnrenderableRequestClaimsAndSendsNothing() {
        MailRequest request = SampleMails.request(MailTemplate.SERVER_READY, Map.of("hostname", "web1"));

        assertThatThrownBy(() -> sendMail.send(request)).isInstanceOf(UnrenderableMail.class);
        assertThat(log.entry("svc_0001", "server-ready")).isNull();
        assertThat(sender.sent).isEmpty();
    }

    @Test
    void aLostClaimStillCountsAsSentButUnrecorded() {
        MailRequest request = SampleMails.request(MailTemplate.SERVER_READY);
        // the send outlives the lease and another delivery takes over before this one records it
        sender.during = () -> {
            clock.advance(LEASE.plusSeconds(1));
            log.claim("svc_0001", "server-ready", MailTemplate.SERVER_READY, 1, clock.instant(), LEASE);
        };

        assertThat(sendMail.send(request)).isEqualTo(new SendLifecycleMail.Sent("msg-1", false));
    }

    @Test
    void aLogFailureAfterSendingDoesNotMakeTheQueueSendAgain() {
        MailLog failingMarkSent = withMarkSent((claim, messageId) -> {
            throw new IllegalStateException("table unavailable");
        });
        SendLifecycleMail useCase = new SendLifecycleMail(RENDERER, secrets, failingMarkSent, sender, clock, LEASE);

        assertThat(useCase.send(SampleMails.request(MailTemplate.SERVER_READY)))
                .isEqualTo(new SendLifecycleMail.Sent("msg-1", false));
        assertThat(log.entry("svc_0001", "server-ready").status()).isEqualTo("SENDING");
    }

    @Test
    void aSenderThatDiedAfterTheMailServiceTookTheMessageIsNotFollowedByASecondCopy() {
        MailRequest request = SampleMails.request(MailTemplate.SERVER_READY);
        MailLog diesBeforeRecording = withMarkSent((claim, messageId) -> {
            throw new Error("killed"); // the process is gone: nothing after the send runs
        });
        assertThatThrownBy(() -> new SendLifecycleMail(RENDERER, secrets, diesBeforeRecording, sender, clock, LEASE)
                .send(request)).hasMessage("killed");
        assertThat(sender.sent).hasSize(1);
        assertThat(sender.references).containsExactly(new MailReference("svc_0001", "server-ready"));

        // seconds later the mail service's record of the send arrives; minutes later the claim runs out
        clock.advance(Duration.ofSeconds(3));
        assertThat(new RecordSentMail(log).record(sender.references.getFirst().token(), "msg-1", clock.instant()))
                .isEqualTo(RecordSentMail.Outcome.RECORDED);
        clock.advance(LEASE);

        assertThat(sendMail.send(request)).as("the redelivery after the lease")
                .isInstanceOf(SendLifecycleMail.AlreadySent.class);
        assertThat(sender.sent).as("one copy").hasSize(1);
        assertThat(new RecordSentMail(log).record(sender.references.getFirst().token(), "msg-1", clock.instant()))
                .as("the record delivered twice").isEqualTo(RecordSentMail.Outcome.ALREADY_KNOWN);
    }

    @Test
    void theMailServicesRecordArrivingBeforeTheSenderRecordsItLeavesTheSendRecorded() {
        MailRequest request = SampleMails.request(MailTemplate.SERVER_READY);
        sender.during = () -> log.recordSent("svc_0001", "server-ready", "msg-1", clock.instant());

        assertThat(sendMail.send(request)).isEqualTo(new SendLifecycleMail.Sent("msg-1", true));
    }

    @Test
    void aRecordOfAMessageSomeoneElseSentIsNotOurs() {
        assertThat(new RecordSentMail(log).record("bm90IG91cnM", "msg-x", clock.instant()))
                .isEqualTo(RecordSentMail.Outcome.NOT_OURS);
        assertThat(new RecordSentMail(log).record(null, "msg-x", clock.instant()))
                .isEqualTo(RecordSentMail.Outcome.NOT_OURS);
    }

    /** The in-memory log, but recording a send does {@code markSent} instead. */
    private MailLog withMarkSent(java.util.function.BiFunction<MailClaim, String, Boolean> markSent) {
        return new MailLog() {
            @Override
            public ClaimResult claim(String s, String e, MailTemplate t, int r, Instant now, Duration lease) {
                return log.claim(s, e, t, r, now, lease);
            }

            @Override
            public boolean markSent(MailClaim claim, Instant sentAt, String messageId) {
                return markSent.apply(claim, messageId);
            }

            @Override
            public boolean recordSent(String serviceId, String event, String messageId, Instant sentAt) {
                return log.recordSent(serviceId, event, messageId, sentAt);
            }

            @Override
            public void release(MailClaim claim) {
                log.release(claim);
            }
        };
    }

    record SentMail(List<String> to, RenderedMail mail) {
    }

    static final class RecordingSender implements MailSender {
        final List<SentMail> sent = new ArrayList<>();
        final List<MailReference> references = new ArrayList<>();
        final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable during = () -> { };

        @Override
        public String send(MailReference reference, List<String> to, RenderedMail mail) {
            if (failure.get() != null) {
                throw failure.get();
            }
            sent.add(new SentMail(to, mail));
            references.add(reference);
            during.run();
            return "msg-" + sent.size();
        }
    }

    @Test
    void aCredentialIsReadWhenTheMailIsSentNeverCarriedInTheRequest() {
        secrets.put("svc_cred", "root-password", "Kx9-secret-pw");
        Map<String, String> variables = new java.util.HashMap<>(SampleMails.request(MailTemplate.SERVER_READY).variables());
        variables.remove(MailVariables.ROOT_PASSWORD);
        MailRequest request = new MailRequest("svc_cred", "server-ready", MailTemplate.SERVER_READY,
                List.of("alice@example.test"), variables).withSecret(MailVariables.ROOT_PASSWORD, "root-password");

        assertThat(request.toString()).doesNotContain("Kx9-secret-pw");
        assertThat(sendMail.send(request)).isInstanceOf(SendLifecycleMail.Sent.class);
        assertThat(sender.sent).singleElement().satisfies(m -> assertThat(m.mail().text()).contains("Kx9-secret-pw"));
    }

    @Test
    void aMailWhoseCredentialIsGoneIsUnrenderableAndLeavesItsEventFree() {
        Map<String, String> variables = new java.util.HashMap<>(SampleMails.request(MailTemplate.SERVER_READY).variables());
        variables.remove(MailVariables.ROOT_PASSWORD);
        MailRequest request = new MailRequest("svc_gone", "server-ready", MailTemplate.SERVER_READY,
                List.of("alice@example.test"), variables).withSecret(MailVariables.ROOT_PASSWORD, "root-password");

        assertThatThrownBy(() -> sendMail.send(request)).isInstanceOf(UnrenderableMail.class)
                .hasMessageContaining("root-password");
        assertThat(sender.sent).isEmpty();
        secrets.put("svc_gone", "root-password", "back");
        assertThat(sendMail.send(request)).isInstanceOf(SendLifecycleMail.Sent.class);
    }

    @Test
    void staffMailsRefuseCredentials() {
        assertThatThrownBy(() -> new MailRequest("svc_1", "staff", MailTemplate.STAFF_FAILURE, List.of("noc@example.test"),
                Map.of(MailVariables.STEP, "x", MailVariables.REASON, "y"), Map.of(MailVariables.ROOT_PASSWORD, "root-password")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
