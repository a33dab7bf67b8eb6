package io.hostwright.domain.catalog;

/** How many IPv4 addresses a customer may order; {@code included} is what an order without a choice gets. */
public record Ipv4Range(int min, int max, int included) {
    public Ipv4Range {
        if (min < 1 || max < min || included < min || included > max) {
            throw new IllegalArgumentException("IPv4 range must satisfy 1 <= min <= included <= max");
        }
    }

    public boolean contains(int count) {
        return count >= min && count <= max;
    }
}
