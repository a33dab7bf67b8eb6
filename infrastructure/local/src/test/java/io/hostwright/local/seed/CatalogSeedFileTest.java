package io.hostwright.local.seed;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogSeedFileTest {

    private static final String VALID = """
            {"products": [{
              "productId": "ded-test", "name": "Test server", "module": "tenantos",
              "connectionId": "tenantos-demo", "department": "noc@hostwright.local",
              "osTemplates": [{"id": "debian-12", "name": "Debian 12"}],
              "ipv4": {"min": 1, "max": 4, "included": 1},
              "bandwidthTb": [20, 50],
              "prices": {"monthly": {"currency": "EUR", "amountMinor": 4900}}
            }]}""";

    @Test
    void readsTheDemoCatalog() {
        List<Product> products = CatalogSeedFile.read(Path.of("seed/catalog.json"));

        assertThat(products).hasSizeBetween(3, 4);
        assertThat(products).allSatisfy(product -> {
            assertThat(product.module()).isEqualTo("tenantos");
            assertThat(product.connectionId()).isEqualTo("tenantos-demo");
            assertThat(product.department()).isEqualTo("noc@hostwright.local");
            assertThat(product.osTemplate("debian-12")).isPresent();
            assertThat(product.price(BillingCycle.MONTHLY)).get().extracting(Price::currency).isEqualTo("EUR");
        });
        assertThat(products).extracting(Product::productId).doesNotHaveDuplicates();
    }

    @Test
    void mapsEveryField() {
        Product product = CatalogSeedFile.parse(VALID, "test").getFirst();

        assertThat(product.productId()).isEqualTo("ded-test");
        assertThat(product.description()).isEmpty();
        assertThat(product.ipv4().max()).isEqualTo(4);
        assertThat(product.bandwidthTb()).containsExactly(20, 50);
        assertThat(product.price(BillingCycle.MONTHLY)).contains(new Price("EUR", 4900));
    }

    @Test
    void namesAMissingField() {
        assertRefused(VALID.replace("\"module\": \"tenantos\",", ""), "products[0].module", "is required");
    }

    @Test
    void namesAFieldOfTheWrongType() {
        assertRefused(VALID.replace("\"max\": 4", "\"max\": \"four\""), "products[0].ipv4.max", "whole number");
        assertRefused(VALID.replace("\"amountMinor\": 4900", "\"amountMinor\": 49.5"),
                "products[0].prices.monthly.amountMinor", "minor units");
        assertRefused(VALID.replace("[20, 50]", "[20, 0]"), "products[0].bandwidthTb[1]", "at least 1");
    }

    @Test
    void namesAnUnknownBillingCycle() {
        assertRefused(VALID.replace("\"monthly\"", "\"weekly\""), "products[0].prices.weekly", "quarterly");
    }

    @Test
    void namesAnUnknownField() {
        assertRefused(VALID.replace("\"name\": \"Test server\"", "\"name\": \"Test server\", \"nmae\": \"typo\""),
                "products[0].nmae", "unknown field");
    }

    @Test
    void namesAnInconsistentIpv4Range() {
        assertRefused(VALID.replace("\"included\": 1", "\"included\": 9"), "products[0].ipv4.included", "between");
    }

    @Test
    void refusesDuplicateProducts() {
        String twice = VALID.replace("}]}", "}, " + VALID.substring(VALID.indexOf('{', 1), VALID.lastIndexOf(']')) + "]}");
        assertRefused(twice, "products[1].productId", "duplicate");
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> CatalogSeedFile.parse("{\"products\": [", "broken.json"))
                .isInstanceOf(CatalogSeedException.class)
                .hasMessageContaining("broken.json").hasMessageContaining("not valid JSON");
        assertRefused("{\"items\": []}", "items", "unknown field");
    }

    private static void assertRefused(String json, String field, String problem) {
        assertThatThrownBy(() -> CatalogSeedFile.parse(json, "test.json"))
                .isInstanceOfSatisfying(CatalogSeedException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining("test.json: " + field)
                .hasMessageContaining(problem);
    }
}
