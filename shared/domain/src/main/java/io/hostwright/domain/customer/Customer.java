package io.hostwright.domain.customer;

import java.util.Objects;

/** The end customer as the storefront's token names them: {@code sub} and {@code email}. */
public record Customer(String id, String email) {
    public Customer {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("customer id is blank");
        }
    }
}
