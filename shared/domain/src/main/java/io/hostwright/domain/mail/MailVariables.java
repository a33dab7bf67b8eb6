package io.hostwright.domain.mail;

/**
 * Names of the template variables producers put in {@link MailRequest#variables()}. {@link MailTemplates} says which
 * ones each template needs. Values may be secrets (the root password): never log them. Values are what the reader
 * should see: the catalog's names rather than ids, dates by {@link MailDates} rather than ISO instants.
 */
public final class MailVariables {

    /** Always present: the renderer takes it from {@link MailRequest#serviceId()}, whatever the variables say. */
    public static final String SERVICE_ID = "serviceId";

    public static final String ORDER_ID = "orderId";
    public static final String PRODUCT_NAME = "productName";
    public static final String HOSTNAME = "hostname";
    /**
     * The OS as the catalog names it (the template's display name, e.g. "Debian 12 (Bookworm)"), never its id; staff
     * mails about a template add the id in brackets.
     */
    public static final String OS = "os";
    /** The chosen order options as one line in the catalog's words, e.g. "IPv4 addresses: 2, Traffic: 20 TB". */
    public static final String OPTIONS = "options";
    /** The billing cycle for people, e.g. "Monthly", "Every 6 months". */
    public static final String BILLING_CYCLE = "billingCycle";
    public static final String PRICE = "price";

    public static final String ROOT_PASSWORD = "rootPassword";
    public static final String MAIN_IP = "mainIp";
    /** The additional IPv4 addresses as one string, e.g. {@code "203.0.113.11, 203.0.113.12"}. */
    public static final String ADDITIONAL_IPS = "additionalIps";

    public static final String REASON = "reason";
    /** A server's size in words, e.g. "4 vCPU, 8 GB RAM, 100 GB disk". */
    public static final String SIZE = "size";
    public static final String USED_TB = "usedTb";
    public static final String LIMIT_TB = "limitTb";
    public static final String USAGE_PERCENT = "usagePercent";
    /** What happens now the limit is exceeded, in words the customer reads ("the port is throttled to 10 Mbit/s"). */
    public static final String OVERUSE_ACTION = "overuseAction";

    /** The back-end's id or name of the physical server (staff mails). */
    public static final String SERVER = "server";
    /** The tags a server went back to stock with, e.g. {@code "forRent, e2388g"} (staff mails). */
    public static final String TAGS = "tags";
    public static final String CONNECTION = "connection";
    /** The provisioning or lifecycle step that failed (staff mails). */
    public static final String STEP = "step";
    public static final String DEPARTMENT = "department";
    /** Services affected by a catalog change, one per line (staff mails). */
    public static final String SERVICES = "services";
    /** How many template syncs of a connection failed in a row (staff mails). */
    public static final String FAILED_RUNS = "failedRuns";
    /** Units of a product the back-end could deliver now, and the threshold staff set (staff mails). */
    public static final String STOCK = "stock";
    public static final String THRESHOLD = "threshold";

    /** The control-panel licence in words (panel, licence id, expiry), or that it is on its way; never its key. */
    public static final String LICENCE = "licence";
    /** A licence's activation key: customer mails only, read by the mailer from the service's secrets. */
    public static final String LICENCE_KEY = "licenceKey";
    public static final String PANEL = "panel";
    /** A date for people, e.g. 5 January 2027 ({@link MailDates#date}). */
    public static final String EXPIRES = "expires";
    /** A run's report, several lines. */
    public static final String REPORT = "report";

    private MailVariables() {
    }
}
