package io.hostwright.domain.mail;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static io.hostwright.domain.mail.MailVariables.ADDITIONAL_IPS;
import static io.hostwright.domain.mail.MailVariables.BILLING_CYCLE;
import static io.hostwright.domain.mail.MailVariables.CONNECTION;
import static io.hostwright.domain.mail.MailVariables.DEPARTMENT;
import static io.hostwright.domain.mail.MailVariables.FAILED_RUNS;
import static io.hostwright.domain.mail.MailVariables.HOSTNAME;
import static io.hostwright.domain.mail.MailVariables.EXPIRES;
import static io.hostwright.domain.mail.MailVariables.LICENCE;
import static io.hostwright.domain.mail.MailVariables.LICENCE_KEY;
import static io.hostwright.domain.mail.MailVariables.LIMIT_TB;
import static io.hostwright.domain.mail.MailVariables.MAIN_IP;
import static io.hostwright.domain.mail.MailVariables.OPTIONS;
import static io.hostwright.domain.mail.MailVariables.ORDER_ID;
import static io.hostwright.domain.mail.MailVariables.OS;
import static io.hostwright.domain.mail.MailVariables.OVERUSE_ACTION;
import static io.hostwright.domain.mail.MailVariables.PANEL;
import static io.hostwright.domain.mail.MailVariables.PRICE;
import static io.hostwright.domain.mail.MailVariables.PRODUCT_NAME;
import static io.hostwright.domain.mail.MailVariables.REASON;
import static io.hostwright.domain.mail.MailVariables.REPORT;
import static io.hostwright.domain.mail.MailVariables.ROOT_PASSWORD;
import static io.hostwright.domain.mail.MailVariables.SERVER;
import static io.hostwright.domain.mail.MailVariables.SERVICES;
import static io.hostwright.domain.mail.MailVariables.SIZE;
import static io.hostwright.domain.mail.MailVariables.STOCK;
import static io.hostwright.domain.mail.MailVariables.STEP;
import static io.hostwright.domain.mail.MailVariables.TAGS;
import static io.hostwright.domain.mail.MailVariables.THRESHOLD;
import static io.hostwright.domain.mail.MailVariables.USAGE_PERCENT;
import static io.hostwright.domain.mail.MailVariables.USED_TB;

/**
 * What each template needs. A required variable that is missing or blank makes the mail unrenderable; an optional
 * one that is missing renders as its default. The template files may use only these names and {@code serviceId}.
 */
public final class MailTemplates {

    /** The variables of one template. */
    public record Spec(Set<String> required, Map<String, String> optional) {

        public Spec {
            required = Set.copyOf(required);
            optional = Map.copyOf(optional);
        }

        public boolean declares(String variable) {
            return required.contains(variable) || optional.containsKey(variable)
                    || MailVariables.SERVICE_ID.equals(variable);
        }
    }

    private static final Map<String, String> NO_ADDITIONAL_IPS = Map.of(ADDITIONAL_IPS, "none");
    private static final Map<MailTemplate, Spec> SPECS = new EnumMap<>(MailTemplate.class);

    static {
        // What order acceptance knows when the order is taken: no server, no IP, no password yet.
        spec(MailTemplate.INITIAL_ORDER,
                Set.of(ORDER_ID, PRODUCT_NAME, HOSTNAME, BILLING_CYCLE, PRICE),
                Map.of(OS, "none", OPTIONS, "none"));
        // The seed's credential mails: root password, main IP, additional IPs and OS name. Only server-ready (at the
        // end of provisioning) and reinstall-finished carry the root password; account-created is no longer requested.
        spec(MailTemplate.ACCOUNT_CREATED, Set.of(PRODUCT_NAME, HOSTNAME, OS, MAIN_IP, ROOT_PASSWORD), NO_ADDITIONAL_IPS);
        spec(MailTemplate.SERVER_PROVISIONING, Set.of(PRODUCT_NAME, HOSTNAME, OS, MAIN_IP), NO_ADDITIONAL_IPS);
        spec(MailTemplate.SERVER_READY, Set.of(PRODUCT_NAME, HOSTNAME, OS, MAIN_IP, ROOT_PASSWORD),
                Map.of(ADDITIONAL_IPS, "none", LICENCE, "", LICENCE_KEY, ""));
        spec(MailTemplate.LICENCE_READY, Set.of(PRODUCT_NAME, HOSTNAME, PANEL, MAIN_IP, LICENCE_KEY, EXPIRES), Map.of());
        spec(MailTemplate.SUSPENDED, Set.of(PRODUCT_NAME, HOSTNAME),
                Map.of(REASON, "please contact our billing team for details"));
        spec(MailTemplate.UNSUSPENDED, Set.of(PRODUCT_NAME, HOSTNAME), Map.of());
        spec(MailTemplate.TERMINATED, Set.of(PRODUCT_NAME, HOSTNAME), Map.of());
        spec(MailTemplate.REINSTALL_STARTED, Set.of(PRODUCT_NAME, HOSTNAME, OS), Map.of());
        spec(MailTemplate.REINSTALL_FINISHED, Set.of(PRODUCT_NAME, HOSTNAME, OS, MAIN_IP, ROOT_PASSWORD), NO_ADDITIONAL_IPS);
        spec(MailTemplate.RESIZED, Set.of(PRODUCT_NAME, HOSTNAME, SIZE), Map.of());
        spec(MailTemplate.BANDWIDTH_NEAR_LIMIT, Set.of(PRODUCT_NAME, HOSTNAME, USED_TB, LIMIT_TB, USAGE_PERCENT), Map.of());
        spec(MailTemplate.BANDWIDTH_OVER_LIMIT, Set.of(PRODUCT_NAME, HOSTNAME, USED_TB, LIMIT_TB, OVERUSE_ACTION), Map.of());
        // Staff mails never carry customer credentials.
        spec(MailTemplate.DISK_WIPE_FINISHED, Set.of(PRODUCT_NAME, HOSTNAME, SERVER),
                Map.of(CONNECTION, "unknown", TAGS, "none"));
        spec(MailTemplate.STAFF_FAILURE, Set.of(STEP, REASON),
                Map.of(PRODUCT_NAME, "unknown", HOSTNAME, "unknown", DEPARTMENT, "unassigned", ORDER_ID, "unknown"));
        spec(MailTemplate.STAFF_WAITING_FOR_STOCK, Set.of(STEP, REASON),
                Map.of(PRODUCT_NAME, "unknown", HOSTNAME, "unknown", DEPARTMENT, "unassigned", ORDER_ID, "unknown"));
        // The catalog's own alerts, about a connection or a product rather than one service.
        spec(MailTemplate.STAFF_SYNC_FAILING, Set.of(CONNECTION, FAILED_RUNS, REASON), Map.of());
        spec(MailTemplate.STAFF_SYNC_RECOVERED, Set.of(CONNECTION, FAILED_RUNS), Map.of());
        spec(MailTemplate.STAFF_TEMPLATE_GONE, Set.of(CONNECTION, OS, SERVICES), Map.of());
        spec(MailTemplate.STAFF_TEMPLATE_REFUSED, Set.of(CONNECTION, OS, REASON), Map.of());
        spec(MailTemplate.STAFF_STOCK_LOW, Set.of(PRODUCT_NAME, CONNECTION, STOCK, THRESHOLD), Map.of());
        spec(MailTemplate.STAFF_LICENCE_PENDING, Set.of(PANEL, REASON, CONNECTION),
                Map.of(PRODUCT_NAME, "unknown", HOSTNAME, "unknown", ORDER_ID, "unknown"));
        spec(MailTemplate.STAFF_LICENCE_RENEWAL, Set.of(CONNECTION, REPORT), Map.of());
    }

    private MailTemplates() {
    }

    private static void spec(MailTemplate template, Set<String> required, Map<String, String> optional) {
        SPECS.put(template, new Spec(required, optional));
    }

    public static Spec spec(MailTemplate template) {
        Spec spec = SPECS.get(template);
        if (spec == null) {
            throw new IllegalStateException("no variable spec for template " + template.key());
        }
        return spec;
    }
}
