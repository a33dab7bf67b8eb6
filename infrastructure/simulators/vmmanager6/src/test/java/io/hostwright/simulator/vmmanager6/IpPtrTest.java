package io.hostwright.simulator.vmmanager6;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A host's IPv4 list and PTR records. */
class IpPtrTest extends SimulatorFixture {

    @Test
    void theIpv4ListShowsIdAddressAndPtr() {
        long id = activeHost("ips");

        Http.Response ips = api.get("/vm/v3/host/" + id + "/ipv4");

        assertThat(ips.json().path("size").asInt()).isEqualTo(1);
        JsonNode ip = ips.list().get(0);
        assertThat(ip.toString()).isEqualTo("{\"id\":" + vm6.host(id).ipv4().getFirst().id()
                + ",\"ip_addr\":\"198.51.100.10\",\"domain\":null}");
        assertThat(api.get("/vm/v3/host/999/ipv4").code()).isEqualTo(1003);
    }

    @Test
    void aPtrIsSetAtOnce() {
        long id = activeHost("ptr");
        long ipId = vm6.host(id).ipv4().getFirst().id();

        Http.Response set = api.post("/vm/v3/ip/" + ipId + "/ptr", Map.of("domain", "mail.example.com"));

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.raw()).isEqualTo("{}");
        assertThat(api.get("/vm/v3/host/" + id + "/ipv4").list().get(0).path("domain").asText())
                .isEqualTo("mail.example.com");
        assertThat(vm6.host(id).ipv4().getFirst().domain()).isEqualTo("mail.example.com");
    }

    @Test
    void aBadDomainOrAnUnknownIpIsRefused() {
        long id = activeHost("ptr");
        long ipId = vm6.host(id).ipv4().getFirst().id();

        Http.Response bad = api.post("/vm/v3/ip/" + ipId + "/ptr", Map.of("domain", "not a name"));
        Http.Response unknown = api.post("/vm/v3/ip/1/ptr", Map.of("domain", "a.example.com"));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error().path("value").asText()).isEqualTo("domain");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(1003);
    }
}
