package io.hostwright.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void withoutOnlyEveryPhaseRunsTheLifecycleOneWithFortyServers() {
        Options options = Options.parse(new String[0]);

        assertThat(options.coldStarts()).isTrue();
        assertThat(options.orderLoad()).isTrue();
        assertThat(options.provisioning()).isTrue();
        assertThat(options.lifecycle()).isTrue();
        assertThat(options.lifecycleServers()).isEqualTo(40);
        assertThat(options.catalog()).isTrue();
        assertThat(options.syncConnections()).isEqualTo(20);
        assertThat(options.syncTemplates()).isEqualTo(200);
        assertThat(options.catalogProducts()).isEqualTo(200);
        assertThat(options.usage()).isTrue();
        assertThat(options.vps()).isTrue();
        assertThat(options.vpsOrders()).isEqualTo(100);
        assertThat(options.licences()).isTrue();
        assertThat(options).extracting(Options::poolLicences, Options::licenceServices).containsExactly(1000, 10_000);
    }

    @Test
    void onlyTheLicencesPhaseWithItsPoolAndServices() {
        Options options = Options.parse(new String[] {"--only=licences", "--licences=200", "--licence-services=500"});

        assertThat(options.licences()).isTrue();
        assertThat(options.coldStarts() || options.orderLoad() || options.provisioning() || options.lifecycle()
                || options.catalog() || options.usage() || options.vps()).isFalse();
        assertThat(options).extracting(Options::poolLicences, Options::licenceServices).containsExactly(200, 500);
        assertThat(Options.parse(new String[] {"--only=vps"}).licences()).isFalse();
        assertThatThrownBy(() -> Options.parse(new String[] {"--licences=500", "--licence-services=100"}))
                .hasMessageContaining("--licence-services");
    }

    @Test
    void onlyTheVpsPhaseWithItsOrders() {
        Options options = Options.parse(new String[] {"--only=vps", "--vps-orders=20"});

        assertThat(options.vps()).isTrue();
        assertThat(options.coldStarts() || options.orderLoad() || options.provisioning() || options.lifecycle()
                || options.catalog() || options.usage()).isFalse();
        assertThat(options.vpsOrders()).isEqualTo(20);
        assertThat(options.provisioningOrders()).isEqualTo(100);
        assertThat(Options.parse(new String[] {"--only=provisioning"}).vps()).isFalse();
        assertThatThrownBy(() -> Options.parse(new String[] {"--vps-orders=0"})).hasMessageContaining("--vps-orders");
    }

    @Test
    void onlyTheCatalogPhaseWithItsSizes() {
        Options options = Options.parse(new String[] {"--only=catalog", "--connections=3", "--templates=50",
                "--products=30"});

        assertThat(options.catalog()).isTrue();
        assertThat(options.coldStarts() || options.orderLoad() || options.provisioning() || options.lifecycle())
                .isFalse();
        assertThat(options).extracting(Options::syncConnections, Options::syncTemplates, Options::catalogProducts)
                .containsExactly(3, 50, 30);
        assertThatThrownBy(() -> Options.parse(new String[] {"--templates=5"})).hasMessageContaining("--templates");
    }

    @Test
    void onlyTheLifecyclePhaseWithItsServers() {
        Options options = Options.parse(new String[] {"--only=lifecycle", "--servers=5", "--concurrency=4"});

        assertThat(options.lifecycle()).isTrue();
        assertThat(options.coldStarts() || options.orderLoad() || options.provisioning()).isFalse();
        assertThat(options.lifecycleServers()).isEqualTo(5);
        assertThat(options.concurrency()).isEqualTo(4);
        assertThat(Options.parse(new String[] {"--only=provisioning"}).lifecycle()).isFalse();
    }

    @Test
    void aWrongValueNamesItsOption() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--servers=0"})).hasMessageContaining("--servers");
        assertThatThrownBy(() -> Options.parse(new String[] {"--only=lifecyle"})).hasMessageContaining("lifecycle");
    }
}
