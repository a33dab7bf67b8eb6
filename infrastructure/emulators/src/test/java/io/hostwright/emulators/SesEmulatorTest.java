package io.hostwright.emulators;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalAwsExtension.class)
class SesEmulatorTest {

    @BeforeEach
    void emptyMailStore(LocalAws aws) {
        aws.clearEmails();
    }

    @Test
    void storesAMailSentThroughTheSesV2Client(LocalAws aws) {
        String subject = "Your server is ready " + UUID.randomUUID();
        Instant before = Instant.now();

        String messageId = aws.ses().sendEmail(send -> send
                .fromEmailAddress(aws.resourceNames().mailFrom())
                .destination(d -> d.toAddresses("customer@example.com").ccAddresses("ops@example.com"))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data(subject))
                        .body(b -> b.text(t -> t.data("Hello, your VPS is up."))
                                .html(h -> h.data("<p>Hello, your VPS is up.</p>"))))))
                .messageId();

        List<SentEmail> sent = aws.sentEmails();
        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.messageId()).isEqualTo(messageId);
            assertThat(mail.from()).isEqualTo(LocalAws.MAIL_FROM);
            assertThat(mail.to()).containsExactly("customer@example.com");
            assertThat(mail.cc()).containsExactly("ops@example.com");
            assertThat(mail.isAddressedTo("ops@example.com")).isTrue();
            assertThat(mail.subject()).isEqualTo(subject);
            assertThat(mail.text()).isEqualTo("Hello, your VPS is up.");
            assertThat(mail.html()).isEqualTo("<p>Hello, your VPS is up.</p>");
            assertThat(mail.at()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        });
        assertThat(aws.sentEmailsSince(before)).extracting(SentEmail::messageId).containsExactly(messageId);
        assertThat(aws.sentEmailsSince(Instant.now().plusSeconds(5))).isEmpty();
    }

    @Test
    void clearForgetsSentMail(LocalAws aws) {
        aws.ses().sendEmail(send -> send.fromEmailAddress(LocalAws.MAIL_FROM)
                .destination(d -> d.toAddresses("customer@example.com"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("text only")).body(b -> b.text(t -> t.data("x"))))));
        assertThat(aws.sentEmails()).singleElement()
                .satisfies(mail -> assertThat(mail.html()).isNull());

        aws.clearEmails();

        assertThat(aws.sentEmails()).isEmpty();
    }

    @Test
    void readsTheStoreAsTheEmulatorWritesIt() {
        String store = """
                {"templates":{},"emails":[{"messageId":"ses-123","from":"a@b.c","replyTo":["r@b.c"],
                 "destination":{"to":["t@b.c"],"cc":[],"bcc":["x@b.c"]},"subject":"S",
                 "body":{"text":"T"},"attachments":[],"headers":[{"name":"X-Hostwright-Mail","value":"c3ZjXzEKZQ"}],
                 "at":1700000000}]}""";

        assertThat(SesEmulator.parseEmails(store)).containsExactly(new SentEmail("ses-123", "a@b.c",
                List.of("t@b.c"), List.of(), List.of("x@b.c"), List.of("r@b.c"), "S", "T", null,
                Map.of("X-Hostwright-Mail", "c3ZjXzEKZQ"), Instant.ofEpochSecond(1_700_000_000L)));
    }
}
