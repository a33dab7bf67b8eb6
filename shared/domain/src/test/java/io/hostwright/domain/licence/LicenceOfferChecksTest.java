package io.hostwright.domain.licence;

import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.ChoiceOption;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.LicenceOffer;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.catalog.admin.CatalogChecks;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.problem.Violation;
import io.hostwright.domain.service.SoldLicence;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LicenceOfferChecksTest {

    private static final Connection SERVERS = new Connection("fra", "fake", "Frankfurt", "https://fra.test", "env:X",
            "noc@example.test", Map.of());
    private static final Connection LICENCES = new Connection("lic", "licences", "Licences", "https://lic.test",
            "env:Y", "licences@example.test", Map.of("tariffs", Map.of("55382", "BILLmanager 6", "55384",
            "BILLmanager 6")));
    private static final BackendRegistry BACKENDS = FakeBackend.registry(new FakeBackend("fake", null, null, null),
            new FakeBackend("licences", null, null, null).withLicenceServers(connection -> {
                throw new AssertionError("checks read no licence server");
            }));

    private static Product withPanels(ServiceType type, LicenceOffer offer, String... values) {
        Product base = Samples.dedicated("ded", "fake", "fra", Map.of());
        List<ChoiceOption.Choice> choices = java.util.Arrays.stream(values)
                .map(v -> new ChoiceOption.Choice(v, "panel " + v, v.equals("none") ? null : new Price("EUR", 500)))
                .toList();
        List<io.hostwright.domain.catalog.OrderOption> options = new java.util.ArrayList<>(base.options());
        options.add(new ChoiceOption("controlPanel", "Control panel", choices, null));
        return new Product(base.productId(), base.name(), base.description(), type, base.backend(),
                base.connectionId(), base.department(), type.installsOs() ? base.osTemplates() : List.of(), options,
                base.prices(), base.moduleSettings(), true, 0, null, List.of(), null, offer);
    }

    private static List<Violation> problems(Product product) {
        return CatalogChecks.productProblems(BACKENDS, product, id -> Optional.ofNullable(
                Map.of("fra", SERVERS, "lic", LICENCES).get(id)));
    }

    @Test
    void aServerOfferingTariffsOfItsLicenceConnectionIsSellable() {
        assertThat(problems(withPanels(ServiceType.DEDICATED, new LicenceOffer("controlPanel", "lic"), "none",
                "55382", "55384"))).isEmpty();
    }

    @Test
    void aValueThatIsNoTariffOfTheConnectionIsNamed() {
        assertThat(problems(withPanels(ServiceType.DEDICATED, new LicenceOffer("controlPanel", "lic"), "none",
                "55382", "99999", "cpanel"))).extracting(Violation::field)
                .containsExactly("options.controlPanel.choices[2].value", "options.controlPanel.choices[3].value");
    }

    @Test
    void theConnectionMustExistAndSellLicences() {
        assertThat(problems(withPanels(ServiceType.DEDICATED, new LicenceOffer("controlPanel", "gone"), "55382")))
                .extracting(Violation::field).containsExactly("licence.connectionId");
        assertThat(problems(withPanels(ServiceType.DEDICATED, new LicenceOffer("controlPanel", "fra"), "55382")))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("licence.connectionId");
                    assertThat(v.message()).contains("sells no licences");
                });
    }

    @Test
    void onlyServersWithAnOperatingSystemGetALicence() {
        assertThat(problems(withPanels(ServiceType.COLOCATION, new LicenceOffer("controlPanel", "lic"), "55382")))
                .extracting(Violation::field).contains("licence");
    }

    @Test
    void theOfferMustNameAChoiceOption() {
        assertThatThrownBy(() -> withPanels(ServiceType.DEDICATED, new LicenceOffer("ipv4", "lic"), "55382"))
                .hasMessageContaining("licence.option ipv4 is not a choice option");
    }

    @Test
    void anOrderPinsTheChosenTariffAndItsLabelOrNothingForNone() {
        Product product = withPanels(ServiceType.DEDICATED, new LicenceOffer("controlPanel", "lic"), "none", "55382");

        assertThat(product.licenceChosen(Map.of("controlPanel", "55382")))
                .contains(new SoldLicence("lic", 55382, "panel 55382"));
        assertThat(product.licenceChosen(Map.of("controlPanel", "none"))).isEmpty();
        assertThat(product.licenceChosen(Map.of())).as("the default is none").isEmpty();
        assertThat(product.priceWith(BillingCycle.MONTHLY, Map.of("controlPanel", "55382")).orElseThrow())
                .isEqualTo(new Price("EUR", 5400));
    }
}
