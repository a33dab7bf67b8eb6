package io.hostwright.domain.mail;

import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.service.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tells the product's staff department that a step of a service failed or needs a person. */
public final class StaffAlerts {

    private final CatalogRepository catalog;
    private final MailQueue mail;

    public StaffAlerts(CatalogRepository catalog, MailQueue mail) {
        this.catalog = catalog;
        this.mail = mail;
    }

    /**
     * Queues the staff-failure mail once per {@code event}; a product without a department has nobody to tell (the
     * reason stays visible on the service).
     */
    public void tell(Service service, String event, String step, String reason) {
        String department = catalog.findProduct(service.productId()).map(Product::department).orElse(null);
        if (department == null || department.isBlank()) {
            return;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(MailVariables.STEP, step);
        variables.put(MailVariables.REASON, reason);
        variables.put(MailVariables.DEPARTMENT, department);
        variables.put(MailVariables.PRODUCT_NAME, String.valueOf(service.productName()));
        variables.put(MailVariables.HOSTNAME, String.valueOf(service.hostname()));
        variables.put(MailVariables.ORDER_ID, String.valueOf(service.orderId()));
        mail.enqueue(new MailRequest(service.serviceId(), event, MailTemplate.STAFF_FAILURE, List.of(department),
                variables));
    }
}
