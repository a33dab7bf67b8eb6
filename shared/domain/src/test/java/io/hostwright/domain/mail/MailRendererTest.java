package io.hostwright.domain.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailRendererTest {

    private static final MailRenderer RENDERER = MailRenderer.fromClasspath();

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void everyTemplateRendersEveryVariableItDeclaresAndTheServiceId(MailTemplate template) {
        Map<String, String> variables = SampleMails.variablesFor(template);
        RenderedMail mail = RENDERER.render(SampleMails.request(template, variables));

        assertThat(mail.subject()).isNotBlank().doesNotContain("{{").doesNotContain("\n");
        assertThat(mail.text()).doesNotContain("{{").contains("svc_0001");
        assertThat(mail.html()).doesNotContain("{{").contains("svc_0001").startsWith("<!DOCTYPE html>");
        for (String name : MailTemplates.spec(template).required()) {
            String value = variables.get(name);
            assertThat(mail.text()).as("text shows %s", name).contains(value);
            assertThat(mail.html()).as("html shows %s", name).contains(MailRenderer.escapeHtml(value));
        }
    }

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void everyRequiredVariableIsUsedByTheTemplate(MailTemplate template) {
        assertThat(RENDERER.placeholders(template)).containsAll(MailTemplates.spec(template).required());
    }

    @Test
    void customerMailsCarryTheCustomerFooterAndStaffMailsTheStaffOne() {
        RenderedMail customer = RENDERER.render(SampleMails.request(MailTemplate.SERVER_READY));
        RenderedMail staff = RENDERER.render(SampleMails.request(MailTemplate.STAFF_FAILURE));

        assertThat(customer.text()).contains("\n-- \nService reference: svc_0001");
        assertThat(customer.html()).contains("Service reference: <code>svc_0001</code>");
        assertThat(staff.text()).contains("\n-- \nReference: svc_0001").doesNotContain("Service reference");
    }

    @Test
    void credentialsMailsShowTheSeedVariables() {
        RenderedMail mail = RENDERER.render(SampleMails.request(MailTemplate.SERVER_READY));

        assertThat(mail.subject()).isEqualTo("Your server web1.example.test is ready to use");
        assertThat(mail.text())
                .contains("Main IP:          203.0.113.10")
                .contains("Additional IPs:   203.0.113.11, 203.0.113.12")
                .contains("Operating system: Debian 12")
                .contains("Password:         " + SampleMails.ROOT_PASSWORD);
    }

    @Test
    void valuesAreHtmlEscapedInHtmlButNotInText() {
        RenderedMail mail = RENDERER.render(SampleMails.request(MailTemplate.SERVER_READY));

        assertThat(mail.html())
                .contains("<code>r00t&lt;&amp;&gt;&quot;pw&#39;</code>")
                .doesNotContain(SampleMails.ROOT_PASSWORD);
        assertThat(mail.text()).contains(SampleMails.ROOT_PASSWORD);
    }

    @Test
    void aValueLookingLikeMarkupOrAPlaceholderStaysText() {
        Map<String, String> variables = SampleMails.variablesFor(MailTemplate.SUSPENDED);
        variables.put(MailVariables.REASON, "<script>alert(1)</script> {{rootPassword}}");

        RenderedMail mail = RENDERER.render(SampleMails.request(MailTemplate.SUSPENDED, variables));

        assertThat(mail.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt; {{rootPassword}}")
                .doesNotContain("<script>");
        assertThat(mail.text()).contains("Reason: <script>alert(1)</script> {{rootPassword}}");
    }

    @Test
    void lineBreaksInValuesDoNotBreakTheSubject() {
        Map<String, String> variables = SampleMails.variablesFor(MailTemplate.TERMINATED);
        variables.put(MailVariables.HOSTNAME, "evil\r\nBcc: victim@example.test");

        RenderedMail mail = RENDERER.render(SampleMails.request(MailTemplate.TERMINATED, variables));

        assertThat(mail.subject()).isEqualTo("Your service evil Bcc: victim@example.test has been terminated");
    }

    @Test
    void aMissingRequiredVariableIsNamed() {
        Map<String, String> variables = SampleMails.variablesFor(MailTemplate.SERVER_READY);
        variables.remove(MailVariables.ROOT_PASSWORD);

        assertThatThrownBy(() -> RENDERER.render(SampleMails.request(MailTemplate.SERVER_READY, variables)))
                .isInstanceOfSatisfying(UnrenderableMail.class, e -> {
                    assertThat(e.variable()).isEqualTo("rootPassword");
                    assertThat(e.template()).isEqualTo(MailTemplate.SERVER_READY);
                })
                .hasMessage("template server-ready needs variable rootPassword, which is missing or blank");
    }

    @Test
    void aBlankRequiredVariableCountsAsMissing() {
        Map<String, String> variables = SampleMails.variablesFor(MailTemplate.REINSTALL_FINISHED);
        variables.put(MailVariables.MAIN_IP, "  ");

        assertThatThrownBy(() -> RENDERER.render(SampleMails.request(MailTemplate.REINSTALL_FINISHED, variables)))
                .isInstanceOfSatisfying(UnrenderableMail.class, e -> assertThat(e.variable()).isEqualTo("mainIp"));
    }

    @Test
    void aMissingOptionalVariableRendersItsDefault() {
        Map<String, String> variables = SampleMails.variablesFor(MailTemplate.SERVER_PROVISIONING);
        variables.remove(MailVariables.ADDITIONAL_IPS);

        RenderedMail mail = RENDERER.render(SampleMails.request(MailTemplate.SERVER_PROVISIONING, variables));

        assertThat(mail.text()).contains("Additional IPs: none");
    }

    @Test
    void theServiceIdComesFromTheRequestNotFromTheVariables() {
        Map<String, String> variables = SampleMails.variablesFor(MailTemplate.STAFF_FAILURE);
        variables.put(MailVariables.SERVICE_ID, "svc_someone_else");

        RenderedMail mail = RENDERER.render(SampleMails.request(MailTemplate.STAFF_FAILURE, variables));

        assertThat(mail.subject()).isEqualTo("[Hostwright] assign-server failed for service svc_0001");
        assertThat(mail.text()).doesNotContain("svc_someone_else");
    }

    @Test
    void theInitialOrderMailRendersWhatOrderAcceptanceSends() {
        Map<String, String> fromOrderDispatch = new HashMap<>(Map.of(
                "orderId", "ord_9", "serviceId", "svc_0001", "productName", "VPS S", "hostname", "vps.example.test",
                "os", "Debian 12 (Bookworm)", "options", "IPv4 addresses: 1, Monthly traffic (TB): 5 TB",
                "billingCycle", "Monthly", "price", "9.00 EUR"));

        RenderedMail mail = RENDERER.render(SampleMails.request(MailTemplate.INITIAL_ORDER, fromOrderDispatch));

        assertThat(mail.subject()).isEqualTo("Your order ord_9 for VPS S is confirmed");
        assertThat(mail.text()).contains("Operating system: Debian 12 (Bookworm)")
                .contains("Options:          IPv4 addresses: 1, Monthly traffic (TB): 5 TB")
                .contains("Billing cycle:    Monthly")
                .contains("Price:            9.00 EUR");
    }

    /** One company writes them all: the same greeting, sentences that start with a capital, no ISO instants. */
    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void everyMailReadsLikeTheOthers(MailTemplate template) {
        RenderedMail mail = RENDERER.render(SampleMails.request(template));
        String body = mail.text().substring(0, mail.text().indexOf("\n-- \n"));

        assertThat(body).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:").doesNotContain("{{");
        if (template.audience() == MailTemplate.Audience.CUSTOMER) {
            assertThat(body).startsWith("Hello,\n\n").doesNotContain("Hostwright");
            assertThat(body.substring("Hello,\n\n".length())).matches("(?s)^[A-Z].*");
            assertThat(mail.subject()).doesNotStartWith("[");
        } else {
            assertThat(mail.subject()).startsWith("[Hostwright] ");
            assertThat(body).matches("(?s)^[A-Z].*");
        }
    }

    @Test
    void theWipeMailTellsStaffWhatIsDoneNotWhatToDo() {
        RenderedMail mail = RENDERER.render(SampleMails.request(MailTemplate.DISK_WIPE_FINISHED));

        assertThat(mail.subject()).isEqualTo("[Hostwright] Disk wipe finished: server srv-4711 is back in stock");
        assertThat(mail.text()).contains("the server is back\nin stock").contains("Tags now:   forRent, e2388g")
                .contains("Nothing needs doing").doesNotContain("can be checked and returned");
    }

    @Test
    void anInitialOrderWithoutOsOrOptionsSaysNone() {
        RenderedMail mail = RENDERER.render(SampleMails.request(MailTemplate.INITIAL_ORDER, Map.of("orderId", "ord_9",
                "productName", "Tenant S", "hostname", "svc_1", "billingCycle", "Monthly", "price", "10.00 EUR")));

        assertThat(mail.text()).contains("Operating system: none").contains("Options:          none");
    }

    @Test
    void aTemplateUsingAnUndeclaredVariableFailsWhenLoaded() {
        assertThatThrownBy(() -> new MailRenderer(name -> name.equals("suspended.txt")
                ? Optional.of("{{creditCardNumber}}")
                : classpath(name)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("suspended").hasMessageContaining("{{creditCardNumber}}");
    }

    @Test
    void aMissingTemplateFileFailsWhenLoaded() {
        assertThatThrownBy(() -> new MailRenderer(name -> name.equals("terminated.html") ? Optional.empty() : classpath(name)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mail/templates/terminated.html");
    }

    private static Optional<String> classpath(String name) {
        try (var in = MailRendererTest.class.getClassLoader().getResourceAsStream(MailRenderer.TEMPLATE_ROOT + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
