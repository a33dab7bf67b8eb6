package io.hostwright.domain.template;

/**
 * What the storefront says about a product's stock: {@code in stock} with a count rounded down to a band (1, 2-5,
 * 6+), so competitors cannot read the exact shelf, or {@code on request} when nothing is free now (the order is still
 * taken and waits for stock).
 *
 * @param count the band; null when on request
 */
public record Availability(String status, String count) {

    public static final String IN_STOCK = "in stock";
    public static final String ON_REQUEST = "on request";

    public static Availability of(int available) {
        if (available <= 0) {
            return new Availability(ON_REQUEST, null);
        }
        if (available == 1) {
            return new Availability(IN_STOCK, "1");
        }
        return new Availability(IN_STOCK, available <= 5 ? "2-5" : "6+");
    }
}
