package io.hostwright.ses;

import io.hostwright.domain.mail.MailReference;
import io.hostwright.domain.mail.RenderedMail;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.emulators.SentEmail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sender against the SES v2 emulator. */
@ExtendWith(LocalAwsExtension.class)
class SesMailSenderTest {

    @Test
    void sendsSubjectTextAndHtmlFromTheConfiguredSender(LocalAws aws) {
        String marker = UUID.randomUUID().toString();
        SesMailSender sender = new SesMailSender(aws.ses(), LocalAws.MAIL_FROM, null);

        String messageId = sender.send(new MailReference("svc_1", "server-ready"),
                List.of("alice@example.test", "bob@example.test"),
                new RenderedMail("Server ready " + marker, "Password: p@ss ü " + marker,
                        "<p>Password: <code>p@ss ü</code> " + marker + "</p>"));

        SentEmail mail = aws.sentEmails().stream().filter(m -> m.subject().contains(marker)).findFirst().orElseThrow();
        assertThat(messageId).isNotBlank();
        assertThat(mail.from()).isEqualTo(LocalAws.MAIL_FROM);
        assertThat(mail.to()).containsExactly("alice@example.test", "bob@example.test");
        assertThat(mail.subject()).isEqualTo("Server ready " + marker);
        assertThat(mail.text()).contains("Password: p@ss ü " + marker);
        assertThat(mail.html()).contains("<code>p@ss ü</code> " + marker);
        assertThat(mail.headers()).as("the reference SES's record of the send will name")
                .containsEntry(MailReference.HEADER, new MailReference("svc_1", "server-ready").token());
    }

    @Test
    void anUnreachableMailServiceIsAnError(LocalAws aws) throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        try (SesV2Client unreachable = aws.sesClientBuilder().endpointOverride(closed).build()) {
            SesMailSender sender = new SesMailSender(unreachable, LocalAws.MAIL_FROM, null);

            assertThatThrownBy(() -> sender.send(new MailReference("svc_1", "e"),
                    List.of("alice@example.test"), new RenderedMail("s", "t", "<p>h</p>")))
                    .isInstanceOf(SdkException.class);
        }
    }
}
