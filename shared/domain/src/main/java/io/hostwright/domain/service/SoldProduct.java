package io.hostwright.domain.service;

import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.ServiceType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a service was sold as, pinned at order time: the back-end and connection it lives on, the options chosen and
 * a snapshot of the product's module settings. Editing or deleting the product later changes none of it, so
 * suspend and terminate keep working the way the service was set up.
 *
 * @param department     staff e-mail address told about this service's failures (the product's at order time)
 * @param options        chosen option values in canonical form, every option of the product (defaults filled in)
 * @param moduleSettings the product's module settings at order time; never shown to customers
 * @param bandwidth      how its traffic is metered and limited, as the product said at order time; null (sold before
 *                       products had a policy): the default
 * @param licence        the control-panel licence chosen with it; null: none
 */
public record SoldProduct(String productId, String productName, ServiceType type, String backend,
                          String connectionId, String department, BillingCycle billingCycle,
                          Map<String, String> options, Map<String, Object> moduleSettings,
                          BandwidthPolicy bandwidth, SoldLicence licence) {

    /** Sold without a control-panel licence. */
    public SoldProduct(String productId, String productName, ServiceType type, String backend, String connectionId,
                       String department, BillingCycle billingCycle, Map<String, String> options,
                       Map<String, Object> moduleSettings, BandwidthPolicy bandwidth) {
        this(productId, productName, type, backend, connectionId, department, billingCycle, options, moduleSettings,
                bandwidth, null);
    }

    /** Sold with the default bandwidth policy. */
    public SoldProduct(String productId, String productName, ServiceType type, String backend, String connectionId,
                       String department, BillingCycle billingCycle, Map<String, String> options,
                       Map<String, Object> moduleSettings) {
        this(productId, productName, type, backend, connectionId, department, billingCycle, options, moduleSettings,
                null, null);
    }

    public BandwidthPolicy bandwidthPolicy() {
        return bandwidth == null ? BandwidthPolicy.DEFAULT : bandwidth;
    }

    public SoldProduct {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(backend, "backend");
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        moduleSettings = moduleSettings == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(moduleSettings));
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }
}
