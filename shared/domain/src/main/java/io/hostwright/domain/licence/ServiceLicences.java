package io.hostwright.domain.licence;

import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.SoldLicence;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Use case: a service's control-panel licence as staff and as its customer see it, from its {@link LicenceRecord}
 * — one read, and none for a service sold without a licence. Never the key (one of the service's secrets, sent by
 * e-mail only). Staff read the record as it is, with why a licence is pending; the customer reads a plain sentence
 * instead, and nothing of a licence that went back to the pool (another customer may hold it next).
 */
public final class ServiceLicences {

    /** The states as shown: {@code pending}, {@code active}, {@code release-pending} (staff only), {@code returned}. */
    public static final String PENDING = "pending";
    public static final String ACTIVE = "active";
    public static final String RETURNED = "returned";

    static final String CUSTOMER_AWAITING_SERVER = "Your control-panel licence is set up once your server is ready;"
            + " its activation key comes in the e-mail that says so.";
    static final String CUSTOMER_PENDING = "Your control-panel licence is on its way; we will e-mail you its"
            + " activation key as soon as it is ready.";
    static final String CUSTOMER_RETURNED = "The licence ended with the service.";

    /**
     * A service's licence as shown.
     *
     * @param state        {@code pending}, {@code active}, {@code release-pending} (staff only) or {@code returned}
     * @param licenceId    the licence server's id of it; null while none is attached (and for the customer once it
     *                     went back)
     * @param reason       staff: why it is pending or its release is; the customer: a sentence on what happens next
     * @param connectionId staff only: the licence connection
     * @param pricelist    staff only: the tariff sold
     * @param serverIp     staff only: the IP it is (to be) bound to
     * @param reused       staff only: taken from the pool rather than bought
     * @param since        staff only: when it reached its state
     */
    public record Shown(String panel, String state, String licenceId, Instant expiresAt, String reason,
                        String connectionId, Long pricelist, String serverIp, Boolean reused, Instant since) {
    }

    private final LicenceRecords records;

    public ServiceLicences(LicenceRecords records) {
        this.records = records;
    }

    /** What staff see; empty when the service was sold without a licence. */
    public Optional<Shown> forStaff(Service service) {
        SoldLicence sold = service.sold().licence();
        if (sold == null) {
            return Optional.empty();
        }
        Optional<LicenceRecord> found = records.find(service.serviceId());
        if (found.isEmpty()) {
            boolean ended = ended(service);
            return Optional.of(new Shown(sold.panel(), ended ? RETURNED : PENDING, null, null,
                    ended ? "never attached: the service ended before its server was delivered"
                            : "attached once the server is delivered",
                    sold.connectionId(), sold.pricelist(), null, null, null));
        }
        LicenceRecord r = found.get();
        return Optional.of(new Shown(panel(r, sold), code(r.state()), r.licenceId(), r.expiresAt(), r.reason(),
                r.connectionId(), r.pricelist(), r.serverIp(), r.reused(), r.since()));
    }

    /** What the service's customer sees; empty when the service was sold without a licence. */
    public Optional<Shown> forCustomer(Service service) {
        SoldLicence sold = service.sold().licence();
        if (sold == null) {
            return Optional.empty();
        }
        Optional<LicenceRecord> found = records.find(service.serviceId());
        if (found.isEmpty()) {
            return Optional.of(ended(service) ? returned(sold.panel())
                    : customer(sold.panel(), PENDING, null, null, CUSTOMER_AWAITING_SERVER));
        }
        LicenceRecord r = found.get();
        String panel = panel(r, sold);
        return Optional.of(switch (r.state()) {
            case PENDING -> customer(panel, PENDING, null, null, CUSTOMER_PENDING);
            case ACTIVE -> customer(panel, ACTIVE, r.licenceId(), r.expiresAt(), null);
            case RELEASE_PENDING, RETURNED -> returned(panel);
        });
    }

    private static Shown returned(String panel) {
        return customer(panel, RETURNED, null, null, CUSTOMER_RETURNED);
    }

    private static Shown customer(String panel, String state, String licenceId, Instant expiresAt, String reason) {
        return new Shown(panel, state, licenceId, expiresAt, reason, null, null, null, null, null);
    }

    private static boolean ended(Service service) {
        return service.status() == ServiceStatus.FAILED || service.status() == ServiceStatus.TERMINATED;
    }

    private static String panel(LicenceRecord record, SoldLicence sold) {
        return record.panel() == null || record.panel().isBlank() ? sold.panel() : record.panel();
    }

    /** {@code RELEASE_PENDING} → {@code release-pending}. */
    static String code(LicenceRecord.State state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
