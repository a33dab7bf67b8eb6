package io.hostwright.local.seed;

/** A catalog seed that cannot be loaded; the message names the file and the field at fault. */
public final class CatalogSeedException extends RuntimeException {

    private final String field;

    CatalogSeedException(String source, String field, String problem) {
        super(source + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.field = field;
    }

    CatalogSeedException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.field = "";
    }

    /** JSON path of the bad field, e.g. {@code products[1].prices.monthly.amountMinor}; empty for the whole file. */
    public String field() {
        return field;
    }
}
