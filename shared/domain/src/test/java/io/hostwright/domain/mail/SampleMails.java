package io.hostwright.domain.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A full set of variables for every template, with values easy to find in a rendered mail. */
final class SampleMails {

    static final String ROOT_PASSWORD = "r00t<&>\"pw'";

    private SampleMails() {
    }

    static Map<String, String> variablesFor(MailTemplate template) {
        Map<String, String> all = new HashMap<>();
        all.put(MailVariables.ORDER_ID, "ord_0001");
        all.put(MailVariables.PRODUCT_NAME, "Dedicated E3-1230");
        all.put(MailVariables.HOSTNAME, "web1.example.test");
        all.put(MailVariables.OS, "Debian 12 (Bookworm)");
        all.put(MailVariables.OPTIONS, "IPv4 addresses: 2, Monthly traffic (TB): 10 TB");
        all.put(MailVariables.BILLING_CYCLE, "Monthly");
        all.put(MailVariables.PRICE, "49.00 EUR");
        all.put(MailVariables.ROOT_PASSWORD, ROOT_PASSWORD);
        all.put(MailVariables.MAIN_IP, "203.0.113.10");
        all.put(MailVariables.ADDITIONAL_IPS, "203.0.113.11, 203.0.113.12");
        all.put(MailVariables.REASON, "invoice 42 overdue");
        all.put(MailVariables.SIZE, "4 vCPU, 8 GB RAM, 100 GB disk");
        all.put(MailVariables.USED_TB, "8.1");
        all.put(MailVariables.LIMIT_TB, "10");
        all.put(MailVariables.USAGE_PERCENT, "81");
        all.put(MailVariables.OVERUSE_ACTION, "the port is throttled to 10 Mbit/s");
        all.put(MailVariables.SERVER, "srv-4711");
        all.put(MailVariables.TAGS, "forRent, e2388g");
        all.put(MailVariables.CONNECTION, "tenantos-main");
        all.put(MailVariables.STEP, "assign-server");
        all.put(MailVariables.DEPARTMENT, "datacenter");
        all.put(MailVariables.FAILED_RUNS, "3");
        all.put(MailVariables.SERVICES, "svc_0002  web2.example.test (Dedicated E3-1230, ACTIVE)");
        all.put(MailVariables.STOCK, "1");
        all.put(MailVariables.THRESHOLD, "2");
        all.put(MailVariables.LICENCE, "Control panel: BILLmanager 6 Hosting&Cloud, licence 1005, valid until 5 January 2027. Activation key:");
        all.put(MailVariables.LICENCE_KEY, "LIC-KEY-SAMPLE");
        all.put(MailVariables.PANEL, "BILLmanager 6 Hosting&Cloud");
        all.put(MailVariables.EXPIRES, "5 January 2027");
        all.put(MailVariables.REPORT,
                "Renewed: 1\n  licence 1005 of service svc_0001: 1 month(s), until 5 February 2027");
        MailTemplates.Spec spec = MailTemplates.spec(template);
        all.keySet().retainAll(union(spec));
        return all;
    }

    static MailRequest request(MailTemplate template) {
        return request(template, variablesFor(template));
    }

    static MailRequest request(MailTemplate template, Map<String, String> variables) {
        return new MailRequest("svc_0001", template.key(), template, List.of("alice@example.test"), variables);
    }

    private static java.util.Set<String> union(MailTemplates.Spec spec) {
        java.util.Set<String> names = new java.util.HashSet<>(spec.required());
        names.addAll(spec.optional().keySet());
        return names;
    }
}
