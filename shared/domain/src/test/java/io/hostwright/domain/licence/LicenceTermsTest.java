package io.hostwright.domain.licence;

import io.hostwright.domain.backend.SettingsReader;
import io.hostwright.domain.problem.Violation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LicenceTermsTest {

    @Test
    void theSettingsOfALicenceConnection() {
        SettingsReader reader = new SettingsReader(Map.of(
                "tariffs", Map.of("55382", "BILLmanager 6", "55384", "BILLmanager 6", "55227", "ISPmanager Lite"),
                "alignment", List.of(Map.of("servicePeriodMonths", 3, "buyMonths", 12, "productId", "ded"),
                        Map.of("servicePeriodMonths", 6, "buyMonths", 1)),
                "renewalLeadDays", 10, "keepFreeLicences", true), "settings");

        LicenceTerms terms = LicenceTerms.read(reader);

        assertThat(reader.violations()).isEmpty();
        assertThat(terms.samePanel(55382, 55384)).as("monthly and yearly of one panel").isTrue();
        assertThat(terms.samePanel(55382, 55227)).isFalse();
        assertThat(terms.alignment().monthsToBuy(3, "ded")).isEqualTo(12);
        assertThat(terms.alignment().monthsToBuy(3, "other")).isEqualTo(1);
        assertThat(terms.alignment().monthsToBuy(6, "other")).isEqualTo(1);
        assertThat(terms.renewalLead()).isEqualTo(Duration.ofDays(10));
        assertThat(terms.keepFreeLicences()).isTrue();
    }

    @Test
    void everyBadSettingIsNamed() {
        SettingsReader reader = new SettingsReader(Map.of(
                "tariffs", Map.of("cpanel", "cPanel", "55382", ""),
                "alignment", List.of(Map.of("servicePeriodMonths", 3, "buyMonths", 6), "yearly",
                        Map.of("servicePeriodMonths", 0, "buyMonths", 12), Map.of("buyMonths", 12, "typo", 1)),
                "renewalLeadDays", 90), "settings");

        LicenceTerms.read(reader);

        assertThat(reader.violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                "settings.tariffs.55382", "settings.tariffs.cpanel", "settings.alignment[0].buyMonths",
                "settings.alignment[1]", "settings.alignment[2].servicePeriodMonths",
                "settings.alignment[3].typo", "settings.alignment[3].servicePeriodMonths",
                "settings.renewalLeadDays");
    }

    @Test
    void tariffsAreRequired() {
        SettingsReader reader = new SettingsReader(Map.of(), "settings");
        LicenceTerms.read(reader);
        assertThat(reader.violations()).extracting(Violation::field).containsExactly("settings.tariffs");
    }
}
