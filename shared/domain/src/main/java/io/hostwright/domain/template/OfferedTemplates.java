package io.hostwright.domain.template;

import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Product;

import java.util.Comparator;
import java.util.List;

/**
 * Which OS templates a product offers (seed 001): every usable template of its connection — found upstream and not
 * disabled by staff — that the product does not withhold, in staff's sort order. So a template new upstream is
 * offered by every product on its connection without a write to any product, and one gone upstream is offered by
 * none. A product that installs no OS, or whose connection has no templates (its back-end syncs none), offers what it
 * declares itself.
 */
public final class OfferedTemplates {

    public static final Comparator<ConnectionTemplate> LISTED = Comparator.comparingInt(ConnectionTemplate::sortOrder)
            .thenComparing(ConnectionTemplate::name).thenComparing(ConnectionTemplate::templateId);

    private OfferedTemplates() {
    }

    /** @param ofConnection the templates of the product's connection, in any state */
    public static Product resolve(Product stored, List<ConnectionTemplate> ofConnection) {
        if (!stored.type().installsOs() || ofConnection.isEmpty()) {
            return stored;
        }
        List<OsTemplate> offered = ofConnection.stream()
                .filter(t -> t.connectionId().equals(stored.connectionId()))
                .filter(ConnectionTemplate::usable)
                .filter(t -> !stored.withheldOsTemplates().contains(t.templateId()))
                .sorted(LISTED)
                .map(ConnectionTemplate::asOsTemplate)
                .toList();
        return stored.withOsTemplates(offered);
    }
}
