package io.hostwright.local.seed;

import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.ConnectionRepository;
import io.hostwright.domain.catalog.admin.CatalogChecks;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.problem.Violation;

import io.hostwright.domain.template.ConnectionTemplate;
import io.hostwright.domain.template.ConnectionTemplates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A seed directory — {@code catalog.json} and, when present, {@code connections.json} and {@code templates.json} —
 * read, pointed at its simulators, checked against the registered back-ends, and only then written: a seed that does
 * not fit is refused whole, naming the file and the field.
 *
 * @param directory where the files are, for messages
 * @param templates OS templates loaded onto the seed's connections before their first sync
 */
public record Seed(Path directory, List<Product> products, List<Connection> connections,
                   List<ConnectionTemplate> templates) {

    public static final String CATALOG = "catalog.json";
    public static final String CONNECTIONS = "connections.json";
    public static final String TEMPLATES = "templates.json";
    /** A connection's base URL that means "the simulator of my back-end that this runtime started". */
    public static final String SIMULATOR = "simulator";

    public Seed {
        products = List.copyOf(products);
        connections = List.copyOf(connections);
        templates = List.copyOf(templates);
    }

    public static Seed read(Path directory) {
        Path connections = directory.resolve(CONNECTIONS);
        Path templates = directory.resolve(TEMPLATES);
        return new Seed(directory, CatalogSeedFile.read(directory.resolve(CATALOG)),
                Files.isRegularFile(connections) ? CatalogSeedFile.readConnections(connections) : List.of(),
                Files.isRegularFile(templates) ? TemplateSeedFile.read(templates, Instant.now()) : List.of());
    }

    /**
     * The same seed with connections whose base URL is {@value #SIMULATOR} pointed at their back-end's simulator.
     *
     * @param simulators back-end name → the base URL of its simulator, empty when none runs
     */
    public Seed withSimulators(Function<String, Optional<String>> simulators) {
        List<Connection> pointed = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
            Connection c = connections.get(i);
            if (!SIMULATOR.equals(c.baseUrl())) {
                pointed.add(c);
                continue;
            }
            String url = simulators.apply(c.backend()).orElseThrow(() -> new CatalogSeedException(file(CONNECTIONS),
                    "connections[" + pointed.size() + "].baseUrl", "points at the " + c.backend()
                    + " simulator, which is not running: start it, or give the connection its real base URL"));
            pointed.add(new Connection(c.connectionId(), c.backend(), c.name(), url, c.secretRef(), c.department(),
                    c.settings()));
        }
        return new Seed(directory, products, pointed, templates);
    }

    /**
     * Every connection and product checked: its back-end is registered and accepts its settings, a product's
     * connection is one of this seed's (or already stored) and of the same back-end, and the back-end sells the
     * product's type.
     */
    public Seed checkedAgainst(BackendRegistry backends, ConnectionRepository stored) {
        for (int i = 0; i < connections.size(); i++) {
            refuseFirst(file(CONNECTIONS), "connections[" + i + "]",
                    CatalogChecks.connectionProblems(backends, connections.get(i)));
        }
        Map<String, Connection> byId = new java.util.HashMap<>();
        connections.forEach(c -> byId.put(c.connectionId(), c));
        for (int i = 0; i < templates.size(); i++) {
            String connectionId = templates.get(i).connectionId();
            if (!byId.containsKey(connectionId) && stored.findConnection(connectionId).isEmpty()) {
                throw new CatalogSeedException(file(TEMPLATES), "templates[" + i + "].connectionId",
                        "no connection '" + connectionId + "'");
            }
        }
        for (int i = 0; i < products.size(); i++) {
            refuseFirst(file(CATALOG), "products[" + i + "]", CatalogChecks.productProblems(backends, products.get(i),
                    id -> Optional.ofNullable(byId.get(id)).or(() -> stored.findConnection(id))));
        }
        return this;
    }

    /**
     * Connections first, so no product is ever stored before its connection; a template already on its connection
     * (found by a sync, or loaded before) is left as it is.
     */
    public void writeTo(ConnectionRepository connectionStore, ConnectionTemplates templateStore,
                        CatalogRepository catalog) {
        connections.forEach(connectionStore::saveConnection);
        for (ConnectionTemplate template : templates) {
            boolean known = templateStore.list(template.connectionId()).stream()
                    .anyMatch(t -> t.internalName().equals(template.internalName()));
            if (!known) {
                templateStore.add(template);
            }
        }
        products.forEach(catalog::saveProduct);
    }

    private static void refuseFirst(String source, String at, List<Violation> problems) {
        if (!problems.isEmpty()) {
            Violation first = problems.getFirst();
            throw new CatalogSeedException(source, at + "." + first.field(), first.message()
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
    }

    private String file(String name) {
        return directory.resolve(name).toString();
    }
}
