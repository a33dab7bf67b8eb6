package io.hostwright.domain.catalog.admin;

import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.catalog.ChoiceOption;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.LicenceOffer;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.licence.LicenceTerms;
import io.hostwright.domain.problem.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What makes a connection or a product sellable, checked the same way for the seed and for staff: its back-end is
 * registered and accepts its settings; a product's connection exists and is of its back-end, which sells its type.
 * Each problem names its field.
 */
public final class CatalogChecks {

    private CatalogChecks() {
    }

    public static List<Violation> connectionProblems(BackendRegistry backends, Connection connection) {
        Optional<Backend> backend = backends.find(connection.backend());
        if (backend.isEmpty()) {
            return List.of(unknownBackend(backends, connection.backend()));
        }
        return backend.get().checkConnection(connection);
    }

    /** @param connections a connection id → the connection, wherever it is (the seed's file, the table) */
    public static List<Violation> productProblems(BackendRegistry backends, Product product,
                                                  Function<String, Optional<Connection>> connections) {
        Optional<Backend> found = backends.find(product.backend());
        if (found.isEmpty()) {
            return List.of(unknownBackend(backends, product.backend()));
        }
        Backend backend = found.get();
        List<Violation> problems = new ArrayList<>();
        Optional<Connection> connection = connections.apply(product.connectionId());
        if (connection.isEmpty()) {
            problems.add(new Violation("connectionId", "no connection '" + product.connectionId() + "'"));
        } else if (!connection.get().backend().equals(product.backend())) {
            problems.add(new Violation("connectionId", "'" + product.connectionId() + "' is a "
                    + connection.get().backend() + " connection, but the product's back-end is " + product.backend()));
        }
        if (!backend.serviceTypes().contains(product.type())) {
            problems.add(new Violation("type", backend.displayName() + " does not sell " + product.type().code()
                    + "; it sells " + backend.serviceTypes().stream().map(ServiceType::code).sorted().toList()));
        }
        if (backend.templates().isPresent() && product.type().installsOs() && !product.osTemplates().isEmpty()) {
            problems.add(new Violation("osTemplates", "must be left out: a " + backend.displayName() + " product offers"
                    + " the OS templates its connection's template sync finds; withhold some with withheldOsTemplates"));
        }
        if (product.licence() != null) {
            problems.addAll(licenceProblems(backends, product, connections));
        }
        problems.addAll(backend.checkProduct(product));
        return problems;
    }

    /**
     * A product's licence: its option's values are {@code none} or tariffs of a connection of a licence back-end,
     * and only servers the customer logs into get one.
     */
    private static List<Violation> licenceProblems(BackendRegistry backends, Product product,
                                                   Function<String, Optional<Connection>> connections) {
        List<Violation> problems = new ArrayList<>();
        if (!product.type().installsOs()) {
            problems.add(new Violation("licence", "a control-panel licence goes on a server with an operating"
                    + " system; a " + product.type().code() + " has none"));
        }
        Optional<Connection> found = connections.apply(product.licence().connectionId());
        if (found.isEmpty()) {
            problems.add(new Violation("licence.connectionId", "no connection '" + product.licence().connectionId()
                    + "'"));
            return problems;
        }
        Connection connection = found.get();
        if (backends.find(connection.backend()).flatMap(Backend::licenceServers).isEmpty()) {
            problems.add(new Violation("licence.connectionId", "'" + connection.connectionId() + "' is a "
                    + connection.backend() + " connection, which sells no licences"));
            return problems;
        }
        LicenceTerms terms = LicenceTerms.of(connection);
        ChoiceOption option = (ChoiceOption) product.option(product.licence().option()).orElseThrow();
        for (int i = 0; i < option.choices().size(); i++) {
            String value = option.choices().get(i).value();
            if (LicenceOffer.NONE.equals(value)) {
                continue;
            }
            if (!value.matches("[1-9][0-9]{0,17}") || terms.panel(Long.parseLong(value)).isEmpty()) {
                problems.add(new Violation("options." + option.key() + ".choices[" + i + "].value", "must be "
                        + LicenceOffer.NONE + " or a tariff of licence connection " + connection.connectionId()
                        + ": " + terms.tariffs().keySet().stream().sorted().toList()));
            }
        }
        return problems;
    }

    private static Violation unknownBackend(BackendRegistry backends, String name) {
        return new Violation("backend", "no back-end '" + name + "' is registered; registered: "
                + backends.all().stream().map(Backend::name).toList());
    }
}
