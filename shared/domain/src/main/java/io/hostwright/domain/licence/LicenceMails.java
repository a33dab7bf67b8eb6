package io.hostwright.domain.licence;

import io.hostwright.domain.mail.MailDates;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.service.Service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mails about a service's licence: its part of the "server ready" mail, the late key, the staff notice. */
public final class LicenceMails {

    private LicenceMails() {
    }

    /** The "server ready" mail saying what became of the licence: its key (read when sent), or that it follows. */
    public static MailRequest onReady(MailRequest ready, LicenceAttempt attempt) {
        return switch (attempt) {
            case LicenceAttempt.NotWanted none -> ready;
            case LicenceAttempt.Attached attached -> with(ready, "Control panel: " + attached.record().panel()
                    + ", licence " + attached.record().licenceId() + ", valid until "
                    + MailDates.date(attached.record().expiresAt()) + ". Activation key:")
                    .withSecret(MailVariables.LICENCE_KEY, LicenceRecord.KEY_SECRET);
            case LicenceAttempt.Pending pending -> with(ready, "Control panel: " + pending.record().panel()
                    + ". Its licence is on its way; we will e-mail you its key separately.");
        };
    }

    /** The key that came after the server: once per service. */
    public static MailRequest ready(Service service, LicenceRecord record) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(MailVariables.PRODUCT_NAME, service.productName());
        v.put(MailVariables.HOSTNAME, service.label());
        v.put(MailVariables.PANEL, record.panel());
        v.put(MailVariables.MAIN_IP, String.valueOf(record.serverIp()));
        v.put(MailVariables.EXPIRES, MailDates.date(record.expiresAt()));
        return MailRequest.once(service.serviceId(), MailTemplate.LICENCE_READY, service.customerEmail(), v)
                .withSecret(MailVariables.LICENCE_KEY, LicenceRecord.KEY_SECRET);
    }

    /** Staff: the server went out without its licence; once per service. Null when it was sold without a department. */
    public static MailRequest pending(Service service, LicenceRecord record, String reason) {
        String department = service.sold().department();
        if (department == null || department.isBlank()) {
            return null;
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put(MailVariables.PANEL, record.panel());
        v.put(MailVariables.REASON, reason);
        v.put(MailVariables.CONNECTION, record.connectionId());
        v.put(MailVariables.PRODUCT_NAME, service.productName());
        v.put(MailVariables.HOSTNAME, service.label());
        v.put(MailVariables.ORDER_ID, String.valueOf(service.orderId()));
        return MailRequest.once(service.serviceId(), MailTemplate.STAFF_LICENCE_PENDING, department, v);
    }

    private static MailRequest with(MailRequest mail, String licence) {
        Map<String, String> variables = new HashMap<>(mail.variables());
        variables.put(MailVariables.LICENCE, licence);
        return new MailRequest(mail.serviceId(), mail.event(), mail.template(), List.copyOf(mail.to()), variables,
                mail.secretVariables());
    }
}
