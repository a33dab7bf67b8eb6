package io.hostwright.functions.admin;

import io.hostwright.domain.licence.LicencePoolView;
import io.hostwright.domain.licence.ServiceLicences;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Staff's JSON of licences: the pool ({@code GET /v1/admin/licences}) and a service's licence on its view. No key is
 * in either — there is none to put: the use cases never read one.
 */
final class LicenceDocuments {

    private LicenceDocuments() {
    }

    /** A service's licence; null when it was sold without one. */
    record ServiceLicenceView(String panel, String state, String licenceId, Instant expiresAt, String reason,
                              String connectionId, Long pricelist, String serverIp, Boolean reused, Instant since) {
    }

    record PoolView(Instant at, String state, String connectionId, CountsView counts, List<PoolLicenceView> licences) {
    }

    record CountsView(int licences, int free, int reusable, int assigned, int expiring) {
    }

    /** @param state {@code free} or {@code assigned} */
    record PoolLicenceView(String connectionId, String licenceId, String panel, long pricelist, String status,
                           String state, String name, String ip, Instant expiresAt, Instant lastIpChange,
                           Instant lastKeyChange, String heldBy, Instant heldSince, boolean expiring,
                           boolean reusable, String whyNotReusable, Instant reusableFrom) {
    }

    static ServiceLicenceView service(ServiceLicences.Shown l) {
        return l == null ? null : new ServiceLicenceView(l.panel(), l.state(), l.licenceId(), l.expiresAt(),
                l.reason(), l.connectionId(), l.pricelist(), l.serverIp(), l.reused(), l.since());
    }

    static PoolView listing(LicencePoolView.Listing listing) {
        LicencePoolView.Counts c = listing.counts();
        return new PoolView(listing.at(), listing.filter() == null ? null : listing.filter().code(),
                listing.connectionId(), new CountsView(c.licences(), c.free(), c.reusable(), c.assigned(),
                c.expiring()), listing.licences().stream().map(LicenceDocuments::licence).toList());
    }

    private static PoolLicenceView licence(LicencePoolView.Item i) {
        return new PoolLicenceView(i.connectionId(), i.licenceId(), i.panel(), i.pricelist(),
                i.status().name().toLowerCase(Locale.ROOT), (i.free() ? LicencePoolView.Filter.FREE : LicencePoolView.Filter.ASSIGNED).code(), i.name(), i.ip(),
                i.expiresAt(), i.lastIpChange(), i.lastKeyChange(), i.heldBy(), i.heldSince(), i.expiring(),
                i.reusable(), i.whyNotReusable(), i.reusableFrom());
    }
}
