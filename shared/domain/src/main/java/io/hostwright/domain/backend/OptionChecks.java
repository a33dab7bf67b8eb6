package io.hostwright.domain.backend;

import io.hostwright.domain.catalog.IntegerOption;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.problem.Violation;

import java.util.Optional;

/** What back-ends check of the order options a product declares for them. */
public final class OptionChecks {

    private OptionChecks() {
    }

    /**
     * The option {@code key}, when the product declares it, must be an integer option of at least 1 (a count of
     * addresses, say); the problem names {@code options.<key>}.
     */
    public static Optional<Violation> countOfAtLeastOne(Product product, String key, String unit) {
        return product.option(key)
                .filter(option -> !(option instanceof IntegerOption range && range.min() >= 1))
                .map(option -> new Violation("options." + key, "must be an integer option of at least 1 " + unit));
    }
}
