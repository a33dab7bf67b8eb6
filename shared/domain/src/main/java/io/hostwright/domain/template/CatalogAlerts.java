package io.hostwright.domain.template;

import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.service.Service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The staff e-mails of the catalog: about a connection or a product rather than one service, to the connection's
 * department (a product's own, for its stock). Each names its occurrence so the mailer sends it once, however often
 * a sync that found it is repeated. Without a department there is nobody to tell; what happened stays visible in the
 * sync runs and the catalog.
 */
public final class CatalogAlerts {

    /** Services named in one mail; the rest are counted. */
    static final int SERVICES_NAMED = 50;

    private final MailQueue mail;

    public CatalogAlerts(MailQueue mail) {
        this.mail = mail;
    }

    /** The mailer's "once per subject and event" key for a connection's mails. */
    static String subject(Connection connection) {
        return "connection:" + connection.connectionId();
    }

    /** @param streakStart the first failed run of the streak: one mail per streak */
    public void syncFailing(Connection connection, String streakStart, int failedRuns, String reason) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(MailVariables.CONNECTION, connection.connectionId());
        v.put(MailVariables.FAILED_RUNS, Integer.toString(failedRuns));
        v.put(MailVariables.REASON, reason);
        send(connection.department(), subject(connection), "sync-failing#" + streakStart,
                MailTemplate.STAFF_SYNC_FAILING, v);
    }

    public void syncRecovered(Connection connection, String streakStart, int failedRuns) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(MailVariables.CONNECTION, connection.connectionId());
        v.put(MailVariables.FAILED_RUNS, Integer.toString(failedRuns));
        send(connection.department(), subject(connection), "sync-recovered#" + streakStart,
                MailTemplate.STAFF_SYNC_RECOVERED, v);
    }

    public void templateGone(Connection connection, ConnectionTemplate gone, List<Service> using) {
        String names = using.stream().limit(SERVICES_NAMED)
                .map(s -> s.serviceId() + "  " + s.label() + "  (" + s.productName() + ", " + s.status() + ")")
                .collect(Collectors.joining("\n"));
        if (using.size() > SERVICES_NAMED) {
            names += "\n… and " + (using.size() - SERVICES_NAMED) + " more";
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put(MailVariables.CONNECTION, connection.connectionId());
        v.put(MailVariables.OS, gone.name() + " (" + gone.templateId() + ")");
        v.put(MailVariables.SERVICES, names);
        send(connection.department(), subject(connection), "template-gone#" + gone.templateId() + "#"
                + gone.goneSince(), MailTemplate.STAFF_TEMPLATE_GONE, v);
    }

    public void templateRefused(Connection connection, TemplateSyncPlan.Refusal refusal) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(MailVariables.CONNECTION, connection.connectionId());
        v.put(MailVariables.OS, refusal.label());
        v.put(MailVariables.REASON, refusal.reason());
        send(connection.department(), subject(connection), "template-refused#" + refusal.internalName(),
                MailTemplate.STAFF_TEMPLATE_REFUSED, v);
    }

    /** @param fellAt when the stock fell below the threshold: one mail per fall */
    public void stockLow(Connection connection, Product product, int available, Instant fellAt) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(MailVariables.PRODUCT_NAME, product.name() + " (" + product.productId() + ")");
        v.put(MailVariables.CONNECTION, connection.connectionId());
        v.put(MailVariables.STOCK, Integer.toString(available));
        v.put(MailVariables.THRESHOLD, String.valueOf(product.stockAlertBelow()));
        String department = product.department() != null && !product.department().isBlank()
                ? product.department() : connection.department();
        send(department, "product:" + product.productId(), "stock-low#" + fellAt, MailTemplate.STAFF_STOCK_LOW, v);
    }

    private void send(String department, String subject, String event, MailTemplate template,
                      Map<String, String> variables) {
        if (department == null || department.isBlank()) {
            return;
        }
        mail.enqueue(new MailRequest(subject, event, template, List.of(department), variables));
    }
}
