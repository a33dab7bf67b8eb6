package io.hostwright.backends.tenantos;

import io.hostwright.domain.service.Service;
import io.hostwright.domain.step.StepOutcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.hostwright.backends.tenantos.InMemoryTenantOs.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** set-ips: the server ends with as many IPv4 addresses as the service's {@code ipv4} option says. */
class TenantOsProvisioningIpsTest {

    final TenantOsWorld world = new TenantOsWorld();
    final InMemoryTenantOs tenantOs = world.tenantOs;

    @Test
    void withoutTheOptionTheServerKeepsItsPrimaryAddressOnly() {
        Service service = upToSetIps(Map.of());
        InMemoryServer server = world.serverOf(service);
        String primary = server.ips.getFirst().ip();

        assertThat(world.provision(service, "set-ips")).isInstanceOf(StepOutcome.Next.class);

        assertThat(server.ips).extracting(IpAssignment::ip).containsExactly(primary);
        assertThat(tenantOs.count("addIpAssignment")).isZero();
        assertThat(world.state(service).mainIp()).isEqualTo(primary);
        assertThat(world.state(service).additionalIps()).isEmpty();
    }

    @Test
    void moreAddressesComeFromAnIpv4SubnetOnceAndAreRemembered() {
        Service service = upToSetIps(Map.of("ipv4", "3"));
        InMemoryServer server = world.serverOf(service);
        String primary = server.ips.getFirst().ip();

        assertThat(world.provision(service, "set-ips")).isInstanceOf(StepOutcome.Next.class);
        assertThat(world.provision(service, "set-ips")).isInstanceOf(StepOutcome.Next.class);

        assertThat(server.ips).hasSize(3).allMatch(IpAssignment::ipv4);
        List<String> added = server.ips.stream().filter(a -> !a.primary()).map(IpAssignment::ip).toList();
        assertThat(added).hasSize(2).allMatch(ip -> ip.startsWith("198.51.100."));
        assertThat(tenantOs.count("addIpAssignment")).isEqualTo(2);
        assertThat(world.state(service).mainIp()).isEqualTo(primary);
        assertThat(world.state(service).additionalIps()).containsExactlyInAnyOrderElementsOf(added);
    }

    @Test
    void extraAddressesBeyondTheOptionAreRemovedButNeverThePrimary() {
        Service service = upToSetIps(Map.of("ipv4", "2"));
        InMemoryServer server = world.serverOf(service);
        server.ips.clear();
        server.ips.addAll(List.of(new IpAssignment(1, "198.51.100.21", false, true, 10),
                new IpAssignment(2, "198.51.100.22", false, true, 10),
                new IpAssignment(3, "198.51.100.23", false, true, 10),
                new IpAssignment(99, "203.0.113.9", true, true, 30)));

        assertThat(world.provision(service, "set-ips")).isInstanceOf(StepOutcome.Next.class);

        assertThat(server.ips).extracting(IpAssignment::ip).containsExactlyInAnyOrder("203.0.113.9", "198.51.100.21");
        assertThat(world.state(service).mainIp()).isEqualTo("203.0.113.9");
    }

    @Test
    void anAddressTakenByAnotherServiceMeanwhileIsSkippedForTheNextOne() {
        Service service = upToSetIps(Map.of("ipv4", "2"));
        InMemoryServer server = world.serverOf(service);
        tenantOs.snatchNextAddedIp();

        assertThat(world.provision(service, "set-ips")).isInstanceOf(StepOutcome.Next.class);

        assertThat(tenantOs.count("addIpAssignment")).isEqualTo(2);
        assertThat(tenantOs.heldElsewhere).hasSize(1);
        assertThat(server.ips).hasSize(2).extracting(IpAssignment::ip)
                .doesNotContainAnyElementsOf(tenantOs.heldElsewhere);
    }

    @Test
    void tooFewFreeAddressesFailTheStepSayingHowMany() {
        Service service = upToSetIps(Map.of("ipv4", "4"));
        tenantOs.freeIps.put(TenantOsWorld.IPV4_SUBNET, new ArrayList<>(List.of("198.51.100.10")));

        StepOutcome outcome = world.provision(service, "set-ips");

        assertThat(outcome).isEqualTo(new StepOutcome.Fail("TenantOS has 2 IPv4 address(es) too few to assign to"
                + " server " + world.serverOf(service).id));
    }

    @Test
    void aRefusalOtherThanATakenAddressFailsTheStep() {
        Service service = upToSetIps(Map.of("ipv4", "2"));
        tenantOs.failNext("addIpAssignment", refused(422));

        StepOutcome outcome = world.provision(service, "set-ips");

        assertThat(outcome).isInstanceOf(StepOutcome.Fail.class);
        assertThat(outcome.detail()).startsWith("TenantOS refused set-ips");
        assertThat(tenantOs.count("addIpAssignment")).isEqualTo(1);
    }

    private Service upToSetIps(Map<String, String> options) {
        Service service = world.order("svc_ada", options);
        for (String step : List.of("create-user", "claim-server", "assign-server")) {
            assertThat(world.provision(service, step)).as(step).isInstanceOf(StepOutcome.Next.class);
        }
        world.forgetHistory();
        return service;
    }
}
