package io.hostwright.domain.mail;

/** Every e-mail Hostwright sends; {@code key} names the template resource the mailer renders. */
public enum MailTemplate {
    INITIAL_ORDER("initial-order", Audience.CUSTOMER),
    /**
     * @deprecated no longer requested: the access details go in {@link #SERVER_READY} alone, on every back-end (the
     * panel account a back-end makes has no password of the customer's: it is reached through single sign-on). Kept
     * so that a request queued by an earlier version still renders instead of being dead-lettered.
     */
    @Deprecated
    ACCOUNT_CREATED("account-created", Audience.CUSTOMER),
    SERVER_PROVISIONING("server-provisioning", Audience.CUSTOMER),
    SERVER_READY("server-ready", Audience.CUSTOMER),
    SUSPENDED("suspended", Audience.CUSTOMER),
    UNSUSPENDED("unsuspended", Audience.CUSTOMER),
    TERMINATED("terminated", Audience.CUSTOMER),
    REINSTALL_STARTED("reinstall-started", Audience.CUSTOMER),
    REINSTALL_FINISHED("reinstall-finished", Audience.CUSTOMER),
    RESIZED("resized", Audience.CUSTOMER),
    LICENCE_READY("licence-ready", Audience.CUSTOMER),
    BANDWIDTH_NEAR_LIMIT("bandwidth-near-limit", Audience.CUSTOMER),
    BANDWIDTH_OVER_LIMIT("bandwidth-over-limit", Audience.CUSTOMER),
    DISK_WIPE_FINISHED("disk-wipe-finished", Audience.STAFF),
    STAFF_FAILURE("staff-failure", Audience.STAFF),
    STAFF_WAITING_FOR_STOCK("staff-waiting-for-stock", Audience.STAFF),
    STAFF_SYNC_FAILING("staff-sync-failing", Audience.STAFF),
    STAFF_SYNC_RECOVERED("staff-sync-recovered", Audience.STAFF),
    STAFF_TEMPLATE_GONE("staff-template-gone", Audience.STAFF),
    STAFF_TEMPLATE_REFUSED("staff-template-refused", Audience.STAFF),
    STAFF_STOCK_LOW("staff-stock-low", Audience.STAFF),
    STAFF_LICENCE_PENDING("staff-licence-pending", Audience.STAFF),
    STAFF_LICENCE_RENEWAL("staff-licence-renewal", Audience.STAFF);

    public enum Audience { CUSTOMER, STAFF }

    private final String key;
    private final Audience audience;

    MailTemplate(String key, Audience audience) {
        this.key = key;
        this.audience = audience;
    }

    public String key() {
        return key;
    }

    public Audience audience() {
        return audience;
    }
}
