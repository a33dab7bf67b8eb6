package io.hostwright.domain.licence;

import io.hostwright.domain.backend.SettingsReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LicenceTariffMonthsTest {

    private static final Map<String, Object> SETTINGS = Map.of(
            "tariffs", Map.of("55382", "BILLmanager 6 Hosting&Cloud", "55384", "BILLmanager 6 Hosting&Cloud",
                    "55227", "ispmanager 6 Lite"),
            "tariffMonths", Map.of("55382", 1, "55384", 12),
            "alignment", List.of(Map.of("servicePeriodMonths", 3, "buyMonths", 12)),
            "renewalLeadDays", 10);

    private static LicenceTerms read(Map<String, Object> settings, List<String> problems) {
        SettingsReader reader = new SettingsReader(settings, "settings");
        reader.onlyKnown(LicenceTerms.SETTINGS);
        LicenceTerms terms = LicenceTerms.read(reader);
        reader.violations().forEach(v -> problems.add(v.field() + ": " + v.message()));
        return terms;
    }

    @Test
    void aTariffSoldForOnePeriodOnlyIsBoughtAndRenewedForItWhateverTheServicePeriod() {
        List<String> problems = new java.util.ArrayList<>();
        LicenceTerms terms = read(SETTINGS, problems);

        assertThat(problems).isEmpty();
        assertThat(terms.renewalLead()).isEqualTo(Duration.ofDays(10));
        assertThat(terms.monthsToBuy(55384, 1, "vps-m")).as("the yearly tariff, sold monthly").isEqualTo(12);
        assertThat(terms.monthsToBuy(55384, 3, "vps-m")).isEqualTo(12);
        assertThat(terms.monthsToBuy(55382, 12, "vps-m")).as("the monthly tariff on a yearly service").isEqualTo(1);
        assertThat(terms.monthsToBuy(55382, 3, "vps-m")).as("not even a rule buys a monthly tariff for a year")
                .isEqualTo(1);
        assertThat(terms.monthsToBuy(55227, 3, "vps-m")).as("sold for both: the alignment decides").isEqualTo(12);
        assertThat(terms.monthsToBuy(55227, 12, "vps-m")).isEqualTo(12);
        assertThat(terms.monthsToBuy(55227, 6, "vps-m")).isEqualTo(1);
        assertThat(terms.samePanel(55382, 55384)).isTrue();
    }

    @Test
    void tariffMonthsNameATariffAndAPeriodTheServerSells() {
        List<String> problems = new java.util.ArrayList<>();
        read(Map.of("tariffs", Map.of("55382", "BILLmanager 6 Hosting&Cloud"),
                "tariffMonths", Map.of("55382", 6, "4711", 1, "x", 1)), problems);

        assertThat(problems).containsExactlyInAnyOrder(
                "settings.tariffMonths.55382: must be one of [1, 12]: the licence server sells nothing else",
                "settings.tariffMonths.4711: must name one of the tariffs",
                "settings.tariffMonths.x: must name one of the tariffs");
    }

    @Test
    void withoutTariffMonthsEveryTariffFollowsTheAlignment() {
        List<String> problems = new java.util.ArrayList<>();
        LicenceTerms terms = read(Map.of("tariffs", Map.of("55382", "BILLmanager 6 Hosting&Cloud")), problems);

        assertThat(problems).isEmpty();
        assertThat(terms.tariffMonths()).isEmpty();
        assertThat(terms.monthsToBuy(55382, 12, "vps-m")).isEqualTo(12);
        assertThat(terms.monthsToBuy(55382, 3, "vps-m")).isEqualTo(1);
    }
}
