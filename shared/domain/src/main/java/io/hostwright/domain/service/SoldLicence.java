package io.hostwright.domain.service;

import java.util.Objects;

/**
 * The control-panel licence a service was sold with, pinned at order time.
 *
 * @param connectionId the licence connection that sells it
 * @param pricelist    the licence server's tariff id the customer chose
 * @param panel        how the panel is named to the customer (the choice's label)
 */
public record SoldLicence(String connectionId, long pricelist, String panel) {

    public SoldLicence {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(panel, "panel");
    }
}
