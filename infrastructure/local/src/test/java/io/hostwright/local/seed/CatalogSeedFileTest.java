package io.hostwright.local.seed;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.BooleanOption;
import io.hostwright.domain.catalog.ChoiceOption;
import io.hostwright.domain.catalog.IntegerOption;
import io.hostwright.domain.catalog.ServiceType;
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
              "productId": "ded-test", "name": "Test server", "type": "dedicated", "backend": "tenantos",
              "connectionId": "tenantos-demo", "department": "noc@hostwright.local",
              "osTemplates": [{"id": "debian-12", "name": "Debian 12"}],
              "options": [
                {"kind": "integer", "key": "ipv4", "min": 1, "max": 4, "included": 1},
                {"kind": "choice", "key": "bandwidthTb", "choices": [{"value": "20"}, {"value": 50,
                  "monthlyPrice": {"currency": "EUR", "amountMinor": 500}}]},
                {"kind": "boolean", "key": "backup", "label": "Backups", "default": false}
              ],
              "prices": {"monthly": {"currency": "EUR", "amountMinor": 4900}},
              "moduleSettings": {"matchTags": ["forRent"], "roleId": 3}
            }]}""";

    @Test
    void readsTheDemoCatalog() {
        List<Product> products = CatalogSeedFile.read(Path.of("seed/catalog.json"));

        assertThat(products).hasSizeGreaterThanOrEqualTo(5);
        assertThat(products).allSatisfy(product -> {
            assertThat(product.option("ipv4")).isPresent();
            assertThat(product.department()).isEqualTo("noc@hostwright.local");
            assertThat(product.osTemplates()).as("offered from the connection's templates").isEmpty();
            assertThat(product.price(BillingCycle.MONTHLY)).get().extracting(Price::currency).isEqualTo("EUR");
        });
        assertThat(products).filteredOn(p -> p.backend().equals("tenantos")).hasSize(4).allSatisfy(product -> {
            assertThat(product.type()).isEqualTo(ServiceType.DEDICATED);
            assertThat(product.connectionId()).isEqualTo("tenantos-demo");
        });
        assertThat(products).filteredOn(p -> p.backend().equals("vmmanager6")).singleElement().satisfies(product -> {
            assertThat(product.type()).isEqualTo(ServiceType.VPS);
            assertThat(product.connectionId()).isEqualTo("vmmanager-demo");
        });
        assertThat(products).extracting(Product::productId).doesNotHaveDuplicates();
        assertThat(products).filteredOn(p -> p.licence() != null).extracting(Product::productId)
                .containsExactlyInAnyOrder("ded-e2388g", "vps-m").hasSize(2);
        assertThat(products).filteredOn(p -> p.licence() != null).allSatisfy(product -> {
            assertThat(product.licence().connectionId()).isEqualTo("licences-demo");
            assertThat(product.licenceChosen(java.util.Map.of())).as("none by default").isEmpty();
            assertThat(product.licenceChosen(java.util.Map.of("controlPanel", "55382"))).hasValueSatisfying(l ->
                    assertThat(l.panel()).isEqualTo("BILLmanager 6 Hosting&Cloud (monthly)"));
        });
    }

    @Test
    void readsTheDemoTemplates() {
        var templates = TemplateSeedFile.read(Path.of("seed/templates.json"), java.time.Instant.EPOCH);

        assertThat(templates).filteredOn(t -> t.connectionId().equals("tenantos-demo"))
                .extracting(t -> t.templateId() + "=" + t.internalName()).containsExactly("debian-12=profile-12",
                        "ubuntu-24.04=profile-13", "almalinux-9=profile-14", "windows-2022=profile-15");
        assertThat(templates).filteredOn(t -> t.connectionId().equals("vmmanager-demo"))
                .extracting(t -> t.templateId() + "=" + t.internalName()).containsExactly(
                        "debian-12=ISPsystem__Debian 12", "ubuntu-24.04=ISPsystem__Ubuntu 24.04",
                        "almalinux-9=ISPsystem__AlmaLinux 9", "debian-12-lamp=local__Debian 12 LAMP");
    }

    @Test
    void mapsEveryField() {
        Product product = CatalogSeedFile.parse(VALID, "test").getFirst();

        assertThat(product.productId()).isEqualTo("ded-test");
        assertThat(product.description()).isEmpty();
        assertThat(product.option("ipv4")).contains(new IntegerOption("ipv4", null, 1, 4, 1, 1, null));
        assertThat(product.option("bandwidthTb")).hasValueSatisfying(o -> assertThat(((ChoiceOption) o).choices())
                .extracting(ChoiceOption.Choice::value).containsExactly("20", "50"));
        assertThat(product.option("backup")).contains(new BooleanOption("backup", "Backups", false, null));
        assertThat(product.moduleSettings()).containsEntry("roleId", 3).containsEntry("matchTags", List.of("forRent"));
        assertThat(product.price(BillingCycle.MONTHLY)).contains(new Price("EUR", 4900));
    }

    @Test
    void namesAMissingField() {
        assertRefused(VALID.replace("\"backend\": \"tenantos\",", ""), "products[0].backend", "is required");
    }

    @Test
    void namesAFieldOfTheWrongType() {
        assertRefused(VALID.replace("\"max\": 4", "\"max\": \"four\""), "products[0].options[0].max", "whole number");
        assertRefused(VALID.replace("\"amountMinor\": 4900", "\"amountMinor\": 49.5"),
                "products[0].prices.monthly.amountMinor", "whole number");
        assertRefused(VALID.replace("\"dedicated\"", "\"mainframe\""), "products[0].type", "vps");
        assertRefused(VALID.replace("\"kind\": \"boolean\"", "\"kind\": \"colour\""), "products[0].options[2].kind",
                "integer, choice or boolean");
    }

    @Test
    void namesAnUnknownBillingCycle() {
        assertRefused(VALID.replace("\"monthly\"", "\"weekly\""), "products[0].prices.weekly", "quarterly");
    }

    @Test
    void namesAnUnknownField() {
        assertRefused(VALID.replace("\"name\": \"Test server\"", "\"name\": \"Test server\", \"nmae\": \"typo\""),
                "products[0].nmae", "not a known field");
    }

    @Test
    void namesAnInconsistentOption() {
        assertRefused(VALID.replace("\"included\": 1", "\"included\": 9"), "products[0].options[0]", "between");
    }

    @Test
    void refusesDuplicateProducts() {
        String product = VALID.substring(VALID.indexOf('[') + 1, VALID.lastIndexOf(']'));
        String twice = "{\"products\": [" + product + ", " + product + "]}";
        assertRefused(twice, "products[1].productId", "duplicate");
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> CatalogSeedFile.parse("{\"products\": [", "broken.json"))
                .isInstanceOf(CatalogSeedException.class)
                .hasMessageContaining("broken.json").hasMessageContaining("not valid JSON");
        assertRefused("{\"items\": []}", "", "\"products\" list");
    }

    private static void assertRefused(String json, String field, String problem) {
        assertThatThrownBy(() -> CatalogSeedFile.parse(json, "test.json"))
                .isInstanceOfSatisfying(CatalogSeedException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining("test.json: " + (field.isEmpty() ? "" : field))
                .hasMessageContaining(problem);
    }
}
