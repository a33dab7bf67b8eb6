package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.ChoiceOption;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.IntegerOption;
import io.hostwright.domain.catalog.OrderOption;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.problem.Violation;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What TenantOS refuses in a product or a connection, each problem naming its field. */
class TenantOsBackendTest {

    final Backend backend = new TenantOsWorld().backend;

    @Test
    void theSampleProductAndConnectionPass() {
        assertThat(backend.checkProduct(TenantOsWorld.product(TenantOsWorld.WIPING))).isEmpty();
        assertThat(backend.checkConnection(connection(Map.of("stockOwnerUserId", 1,
                "tagsToAddAfterTermination", List.of("forRent"))))).isEmpty();
    }

    @Test
    void aProductThatIsNotADedicatedServerIsRefused() {
        List<Violation> problems = backend.checkProduct(product(ServiceType.VPS, Samples.OS, List.of(), settings()));

        assertThat(problems).containsExactly(new Violation("type", "TenantOS sells dedicated servers, not vps"));
    }

    @Test
    void aProductDeclaresNoOsOfItsOwn() {
        assertThat(fields(product(ServiceType.DEDICATED, List.of(), List.of(), settings()))).isEmpty();
    }

    @Test
    void missingMatchTagsAndRoleAreNamed() {
        Map<String, Object> settings = settings();
        settings.remove("matchTags");
        settings.remove("roleId");

        assertThat(fields(settings)).containsExactlyInAnyOrder("moduleSettings.matchTags", "moduleSettings.roleId");
    }

    @Test
    void theRetiredOsProfilesSettingIsRefused() {
        Map<String, Object> settings = settings();
        settings.put("osProfiles", Map.of("debian-12", 11));

        assertThat(fields(settings)).containsExactly("moduleSettings.osProfiles");
    }

    @Test
    void settingsOfTheWrongTypeAreNamed() {
        Map<String, Object> settings = settings();
        settings.put("roleId", "3");
        settings.put("matchTags", "forRent");

        assertThat(fields(settings)).contains("moduleSettings.roleId", "moduleSettings.matchTags");
    }

    @Test
    void badDurationsAreNamed() {
        Map<String, Object> settings = settings();
        settings.put("installDeadline", "an hour");
        settings.put("stockRetry", "PT0S");
        settings.put("lifecycle", Map.of("wipeDeadline", "-PT1H"));

        assertThat(fields(settings)).containsExactlyInAnyOrder("moduleSettings.installDeadline",
                "moduleSettings.stockRetry", "moduleSettings.lifecycle.wipeDeadline");
    }

    @Test
    void unknownSettingsAreNamed() {
        Map<String, Object> settings = settings();
        settings.put("colour", "blue");
        settings.put("lifecycle", Map.of("wipeProfile", 90));

        assertThat(fields(settings)).containsExactlyInAnyOrder("moduleSettings.colour",
                "moduleSettings.lifecycle.wipeProfile");
    }

    @Test
    void anIpv4OptionMustBeAnIntegerOptionOfAtLeastOneAddress() {
        OrderOption choice = new ChoiceOption("ipv4", "IPv4", List.of(new ChoiceOption.Choice("1", "one", null)), null);
        OrderOption none = new IntegerOption("ipv4", "IPv4", 0, 4, 1, 0, null);

        assertThat(backend.checkProduct(product(ServiceType.DEDICATED, Samples.OS, List.of(choice), settings())))
                .extracting(Violation::field).containsExactly("options.ipv4");
        assertThat(backend.checkProduct(product(ServiceType.DEDICATED, Samples.OS, List.of(none), settings())))
                .extracting(Violation::field).containsExactly("options.ipv4");
    }

    @Test
    void aConnectionNamesItsWrongSettings() {
        List<Violation> problems = backend.checkConnection(connection(Map.of(
                "stockOwnerUserId", -1,
                "tagsToAddAfterProvisioning", "assigned",
                "colour", "blue")));

        assertThat(problems).extracting(Violation::field).containsExactlyInAnyOrder("settings.stockOwnerUserId",
                "settings.tagsToAddAfterProvisioning", "settings.colour");
    }

    @Test
    void nonOsProfileTagsAreAListOfTags() {
        assertThat(backend.checkConnection(connection(Map.of("nonOsProfileTags", List.of("wipe", "rescue")))))
                .isEmpty();
        assertThat(backend.checkConnection(connection(Map.of("nonOsProfileTags", "wipe"))))
                .containsExactly(new Violation("settings.nonOsProfileTags", "must be a list of strings"));
    }

    @Test
    void aStockOwnerThatIsNotAWholeNumberIsNamed() {
        assertThat(backend.checkConnection(connection(Map.of("stockOwnerUserId", "admin"))))
                .containsExactly(new Violation("settings.stockOwnerUserId", "must be a whole number"));
    }

    private List<String> fields(Map<String, Object> settings) {
        return fields(product(ServiceType.DEDICATED, Samples.OS, List.of(), settings));
    }

    private List<String> fields(Product product) {
        return backend.checkProduct(product).stream().map(Violation::field).toList();
    }

    private static Map<String, Object> settings() {
        return new LinkedHashMap<>(TenantOsWorld.moduleSettings(TenantOsWorld.WIPING));
    }

    private static Product product(ServiceType type, List<OsTemplate> os, List<OrderOption> options,
                                   Map<String, Object> settings) {
        return new Product("dedi", "Dedicated", null, type, TenantOsBackend.NAME, TenantOsWorld.CONNECTION,
                TenantOsWorld.DEPARTMENT, os, options, Map.of(BillingCycle.MONTHLY, new Price("EUR", 4900)), settings);
    }

    private static Connection connection(Map<String, Object> settings) {
        return new Connection(TenantOsWorld.CONNECTION, TenantOsBackend.NAME, "TenantOS", "https://tenantos.test",
                "secret:tos-1", TenantOsWorld.DEPARTMENT, settings);
    }
}
