package io.hostwright.benchmark.provisioning;

import io.hostwright.simulator.tenantos.Seed;
import io.hostwright.simulator.tenantos.SimulatorConfig;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkStockTest {

    @Test
    void aServerPerOrderTaggedForTheBenchmarkAndTheFreeAddressesAsked() {
        Seed seed = BenchmarkStock.seed(118, 128);

        try (TenantOsSimulator simulator = TenantOsSimulator.start(SimulatorConfig.forTests().withSeed(seed))) {
            assertThat(simulator.servers()).hasSize(118)
                    .allSatisfy(s -> assertThat(s.tags()).containsExactly("forRent", BenchmarkStock.TAG))
                    .allSatisfy(s -> assertThat(s.userId()).isEqualTo(1L));
            assertThat(simulator.freeIps(BenchmarkStock.SUBNET_ID)).hasSize(128)
                    .startsWith("10.96.8.0").endsWith("10.96.8.127");
            assertThat(simulator.server(BenchmarkStock.FIRST_SERVER_ID + 117).hostname()).isEqualTo("stock-2118");
        }
        assertThat(seed.profiles()).anySatisfy(p -> assertThat(p.id()).isEqualTo(12L));
    }

    @Test
    void refusesMoreThanTheSubnetHolds() {
        assertThatThrownBy(() -> BenchmarkStock.seed(3000, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchmarkStock.seed(10, 5000)).isInstanceOf(IllegalArgumentException.class);
    }
}
