package io.hostwright.benchmark.provisioning;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisioningLoadTest {

    @Test
    void failuresAlikeButForTheirServerAndAddressCountTogether() {
        String a = "TenantOS refused set-ips: TenantOS POST /api/servers/{id}/ipassignments (2031): HTTP 409 "
                + "The IP address 10.96.8.0 is already assigned.";
        String b = "TenantOS refused set-ips: TenantOS POST /api/servers/{id}/ipassignments (2040): HTTP 409 "
                + "The IP address 10.96.8.3 is already assigned.";

        assertThat(ProvisioningLoad.generic(a)).isEqualTo(ProvisioningLoad.generic(b))
                .isEqualTo("TenantOS refused set-ips: TenantOS POST /api/servers/{id}/ipassignments (<server>): HTTP 409 "
                        + "The IP address <ip> is already assigned.");
        assertThat(ProvisioningLoad.generic("OS installation failed on server 2001: disk"))
                .isEqualTo("OS installation failed on server <server>: disk");
    }
}
