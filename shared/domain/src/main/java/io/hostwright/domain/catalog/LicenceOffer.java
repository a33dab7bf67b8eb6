package io.hostwright.domain.catalog;

import java.util.Objects;

/**
 * A product's control-panel licence: the enumeration option that chooses the panel, and the licence connection (a
 * connection of a licence back-end) that sells it. Each value of the option is a tariff id of that licence server
 * (e.g. 55382, BILLmanager 6 Hosting&Cloud for one month) with its price, or {@link #NONE}.
 *
 * @param option       the key of one of the product's choice options
 * @param connectionId the licence connection
 */
public record LicenceOffer(String option, String connectionId) {

    /** The value that orders no licence. */
    public static final String NONE = "none";

    public LicenceOffer {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(connectionId, "connectionId");
    }
}
