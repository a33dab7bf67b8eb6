package io.hostwright.domain.catalog;

import io.hostwright.domain.service.SoldLicence;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductLicenceTest {

    private static final ChoiceOption PANEL = new ChoiceOption("controlPanel", "Control panel", List.of(
            new ChoiceOption.Choice("none", "No control panel", null),
            new ChoiceOption.Choice("55382", "BILLmanager 6 Hosting&Cloud (monthly)", new Price("EUR", 3500))), null);

    private static Product product(List<OrderOption> options, LicenceOffer licence) {
        return new Product("vps-m", "VPS M", "", ServiceType.VPS, "vmmanager6", "vmmanager-demo", null, List.of(),
                options, Map.of(BillingCycle.MONTHLY, new Price("EUR", 1200)), Map.of(), true, 0, null, List.of(),
                null, licence);
    }

    @Test
    void aProductWithALicenceOptionIsMadeAndSaysWhichLicenceAnOrderAdds() {
        Product product = product(List.of(new IntegerOption("ipv4", null, 1, 4, 1, 1, null), PANEL),
                new LicenceOffer("controlPanel", "licences-demo"));

        assertThat(product.licenceChosen(Map.of())).as("the default: none").isEmpty();
        assertThat(product.licenceChosen(Map.of("controlPanel", "none"))).isEmpty();
        assertThat(product.licenceChosen(Map.of("controlPanel", "55382"))).contains(
                new SoldLicence("licences-demo", 55382, "BILLmanager 6 Hosting&Cloud (monthly)"));
    }

    @Test
    void theLicenceMustBeChosenByOneOfItsChoiceOptions() {
        assertThatThrownBy(() -> product(List.of(PANEL), new LicenceOffer("panel", "licences-demo")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("licence.option panel");
        assertThatThrownBy(() -> product(List.of(new IntegerOption("controlPanel", null, 1, 4, 1, 1, null)),
                new LicenceOffer("controlPanel", "licences-demo")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a choice option");
    }
}
