package io.hostwright.simulator.tenantos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedTest {

    @Test
    void demoSeedIsTheLaptopStock() {
        Seed demo = Seed.demo();

        assertThat(demo.servers()).hasSize(8).allSatisfy(s -> assertThat(s.tags()).contains("forRent"));
        assertThat(demo.servers()).filteredOn(s -> s.tags().contains("e2388g")).hasSize(4);
        assertThat(demo.servers()).filteredOn(s -> s.tags().contains("ryzen7950x")).hasSize(2);
        assertThat(demo.servers()).filteredOn(s -> s.tags().contains("epyc9354p")).hasSize(2);
        assertThat(demo.profiles()).extracting(Seed.Profile::id).containsExactly(12L, 13L, 14L, 15L, 90L);
        assertThat(demo.profiles()).filteredOn(Seed.Profile::wipe).extracting(Seed.Profile::id).containsExactly(90L);
        assertThat(demo.roles()).extracting(Seed.Role::id).containsExactly(1L, 3L);
        assertThat(demo.servers()).filteredOn(s -> s.ports().stream().anyMatch(p -> !p.manageable()))
                .extracting(Seed.Server::id).containsExactly(104L);
        assertThat(demo.servers()).allSatisfy(s -> assertThat(s.powerFeatures()).isEqualTo(Seed.POWER_FEATURES));
    }

    @Test
    void twoPortsWithOneIdAreRefusedAtStart() {
        Seed seed = Seed.demo().toBuilder()
                .server(Seed.demo().servers().getFirst().withPorts(List.of(
                        new Seed.Port(7, "eth0", "sw", true, true), new Seed.Port(7, "eth1", "sw", true, true))))
                .build();

        assertThatThrownBy(() -> TenantOsSimulator.start(SimulatorConfig.forTests().withSeed(seed)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two ports");
    }

    @Test
    void builtSeedStartsASimulatorWithJustThat() {
        Seed seed = Seed.builder()
                .role(1, "Admin").role(3, "Customer")
                .user(1, "Admin", "admin", "admin@example.test", "pw", 1)
                .subnet(20, "192.0.2.0/28", "192.0.2.1", "public", "192.0.2.5-192.0.2.7")
                .profile(30, "Rocky 9", false, "linux")
                .server(7, "only", "R9-U1", List.of("forRent", "tiny"), "Intel Atom C3758", 8192, "192.0.2.2", 1L)
                .build();

        try (TenantOsSimulator tenantOs = TenantOsSimulator.start(SimulatorConfig.forTests().withSeed(seed))) {
            assertThat(tenantOs.servers()).extracting(SimulatedServer::id).containsExactly(7L);
            assertThat(tenantOs.freeIps(20)).containsExactly("192.0.2.5", "192.0.2.6", "192.0.2.7");
            assertThat(new Http(tenantOs).get("/api/servers/7").result().path("primaryip").asText())
                    .isEqualTo("192.0.2.2");
        }
    }

    @Test
    void seedFileIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seed.json");
        Files.writeString(file, """
                {"roles": [{"id": 1, "name": "Admin"}],
                 "users": [{"id": 1, "name": "Admin", "username": "admin", "email": "a@b.test", "password": "x", "roleId": 1}],
                 "subnets": [{"id": 1, "cidr": "10.0.0.0/24", "gateway": "10.0.0.1", "freeIps": ["10.0.0.9"]}],
                 "servers": [{"id": 5, "hostname": "h", "servername": "s", "tags": ["a"], "cpuModel": "c",
                              "memoryMb": 1024, "primaryIp": "10.0.0.5", "userId": null}]}
                """);

        Seed seed = Seed.fromJson(file);

        assertThat(seed.servers().getFirst().userId()).isNull();
        assertThat(seed.subnets().getFirst().type()).isEqualTo("public");
        assertThat(seed.profiles()).isEmpty();
    }

    @Test
    void primaryIpOutsideEverySubnetIsRefusedAtStart() {
        Seed seed = Seed.demo().toBuilder()
                .server(200, "lost", "R9-U9", List.of("forRent"), "cpu", 1024, "10.9.9.9", 1L)
                .build();

        assertThatThrownBy(() -> TenantOsSimulator.start(SimulatorConfig.forTests().withSeed(seed)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10.9.9.9");
    }
}
