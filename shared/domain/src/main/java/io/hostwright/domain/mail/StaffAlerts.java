package io.hostwright.domain.mail;

import io.hostwright.domain.service.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells the staff department a service was sold with that a step of it failed or needs a person. The department is
 * the one pinned at order time, so a product deleted since does not silence the alert.
 */
public final class StaffAlerts {

    private final MailQueue mail;

    public StaffAlerts(MailQueue mail) {
        this.mail = mail;
    }

    /**
     * Queues the staff-failure mail once per {@code event}; a service sold without a department has nobody to tell
     * (the reason stays visible on the service).
     */
    public void tell(Service service, String event, String step, String reason) {
        String department = service.sold().department();
        if (department == null || department.isBlank()) {
            return;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(MailVariables.STEP, step);
        variables.put(MailVariables.REASON, reason);
        variables.put(MailVariables.DEPARTMENT, department);
        variables.put(MailVariables.PRODUCT_NAME, String.valueOf(service.productName()));
        variables.put(MailVariables.HOSTNAME, service.label());
        variables.put(MailVariables.ORDER_ID, String.valueOf(service.orderId()));
        mail.enqueue(new MailRequest(service.serviceId(), event, MailTemplate.STAFF_FAILURE, List.of(department),
                variables));
    }
}
