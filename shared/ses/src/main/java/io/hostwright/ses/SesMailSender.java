package io.hostwright.ses;

import io.hostwright.domain.mail.MailReference;
import io.hostwright.domain.mail.MailSender;
import io.hostwright.domain.mail.RenderedMail;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.manifest.Manifest;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Sends through SES v2 {@code SendEmail} with simple content (subject, text and HTML parts in UTF-8), from the
 * function's {@code MAIL_FROM} and, in AWS, through its configuration set (the stack grants sending only with it).
 * Each message carries its {@link MailReference} as a message tag and a header, so SES's record of the send
 * ("Email Sent", published by the configuration set) names the mail it was.
 */
public final class SesMailSender implements MailSender {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;

    /** @param configurationSet null when sending without one (the emulator) */
    public SesMailSender(SesV2Client ses, String from, String configurationSet) {
        this.ses = Objects.requireNonNull(ses, "ses");
        this.from = Objects.requireNonNull(from, "from");
        this.configurationSet = configurationSet;
    }

    /** From {@code MAIL_FROM} and the optional {@code MAIL_CONFIGURATION_SET}, as the manifest sets them. */
    public static SesMailSender fromEnvironment(SesV2Client ses) {
        return new SesMailSender(ses,
                FunctionEnvironment.require(Manifest.MAIL_FROM_VARIABLE),
                FunctionEnvironment.optional(Manifest.MAIL_CONFIGURATION_SET_VARIABLE).orElse(null));
    }

    @Override
    public String send(MailReference reference, List<String> to, RenderedMail mail) {
        String token = reference.token();
        SendEmailRequest request = SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(Destination.builder().toAddresses(to).build())
                .content(EmailContent.builder()
                        .simple(Message.builder()
                                .subject(utf8(mail.subject()))
                                .body(Body.builder().text(utf8(mail.text())).html(utf8(mail.html())).build())
                                .headers(MessageHeader.builder().name(MailReference.HEADER).value(token).build())
                                .build())
                        .build())
                .configurationSetName(configurationSet)
                .emailTags(MessageTag.builder().name(MailReference.TAG).value(token).build())
                .build();
        return ses.sendEmail(request).messageId();
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(UTF_8).build();
    }
}
