package io.hostwright.benchmark.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.ChoiceOption;
import io.hostwright.domain.catalog.IntegerOption;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.local.seed.CatalogSeedFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The products the cold-start runs need in the table: the laptop's demo catalog, plus any product a sample event
 * names that the catalog lacks, made to accept exactly what that event orders (OS, billing cycle, options). With
 * them the first invocation does real work (an order is accepted with 202, a product is found) instead of a 4xx.
 */
final class BenchmarkCatalog {

    static final String DEMO_CATALOG = "infrastructure/local/seed/catalog.json";

    private BenchmarkCatalog() {
    }

    static List<Product> demo(Path root) {
        Path file = root.resolve(DEMO_CATALOG);
        return Files.isRegularFile(file) ? CatalogSeedFile.read(file) : List.of();
    }

    /** Demo products first, then one per unknown product id the events name. */
    static List<Product> toSeed(List<Product> demo, List<SampleEvent> events) {
        List<Product> products = new ArrayList<>(demo);
        for (SampleEvent event : events) {
            event.productId()
                    .filter(id -> products.stream().noneMatch(p -> p.productId().equals(id)))
                    .ifPresent(id -> products.add(acceptingOrderOf(id, event.apiBody())));
        }
        if (products.isEmpty()) {
            products.add(acceptingOrderOf("benchmark-vps", Optional.empty()));
        }
        return products;
    }

    static Product acceptingOrderOf(String productId, Optional<JsonNode> order) {
        String os = order.map(o -> o.path("os").asText("")).filter(s -> !s.isEmpty()).orElse("debian-12");
        int ipv4 = order.map(o -> o.path("options").path("ipv4").asInt(1)).orElse(1);
        int bandwidth = order.map(o -> o.path("options").path("bandwidthTb").asInt(10)).orElse(10);

        List<OsTemplate> templates = new ArrayList<>(List.of(
                new OsTemplate("debian-12", "Debian 12 (Bookworm)"), new OsTemplate("ubuntu-24.04", "Ubuntu 24.04 LTS")));
        if (templates.stream().noneMatch(t -> t.id().equals(os))) {
            templates.add(new OsTemplate(os, os));
        }
        List<ChoiceOption.Choice> bandwidths = new ArrayList<>();
        for (String tb : new java.util.LinkedHashSet<>(List.of("10", "20", "50", "100", String.valueOf(bandwidth)))) {
            bandwidths.add(new ChoiceOption.Choice(tb, tb + " TB", null));
        }
        Map<BillingCycle, Price> prices = new EnumMap<>(BillingCycle.class);
        for (BillingCycle cycle : BillingCycle.values()) {
            prices.put(cycle, new Price("EUR", 4900L * cycle.months()));
        }
        return new Product(productId, "Benchmark " + productId,
                "seeded by the benchmark because a sample event orders it", ServiceType.DEDICATED, "tenantos",
                "benchmark", "noc@hostwright.local", templates,
                List.of(new IntegerOption("ipv4", "IPv4 addresses", 1, Math.max(8, ipv4), 1, 1, null),
                        new ChoiceOption("bandwidthTb", "Traffic", bandwidths, null)), prices, Map.of());
    }
}
