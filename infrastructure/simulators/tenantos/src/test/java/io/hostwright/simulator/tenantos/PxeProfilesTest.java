package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The installation's PXE profiles ({@code GET /api/pxe/profiles}) — one list, the same every server offers — and how
 * a test makes one appear, change its name or vanish upstream.
 */
class PxeProfilesTest extends SimulatorFixture {

    private Http control() {
        return http.withAuthorization(null);
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }

    private List<String> listed(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as("status of %s", path).isEqualTo(200);
        return StreamSupport.stream(response.result().spliterator(), false)
                .map(p -> p.path("id").asLong() + " " + p.path("name").asText())
                .toList();
    }

    @Test
    void listsTheSeededProfilesWithTheirTagsWipesIncluded() {
        Http.Response response = http.get("/api/pxe/profiles");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.message()).isEqualTo("success");
        JsonNode profiles = response.result();
        assertThat(profiles).extracting(p -> p.path("id").asLong()).containsExactly(12L, 13L, 14L, 15L, 90L);
        assertThat(fieldNames(profiles.get(0))).containsExactly("id", "name", "tags");
        assertThat(profiles.get(0).path("name").asText()).isEqualTo("Debian 12 (Bookworm)");
        assertThat(profiles.get(0).path("tags")).extracting(JsonNode::asText).containsExactly("linux");
        assertThat(profiles.get(4).path("name").asText()).isEqualTo("Secure disk wipe");
        assertThat(profiles.get(4).path("tags")).extracting(JsonNode::asText).containsExactly("wipe");
        assertThat(listed("/api/pxe/profiles")).isEqualTo(listed("/api/servers/101/provisioning/getProfiles"));
    }

    @Test
    void needsTheKeyAndIsLoggedAndFaultable() {
        assertThat(http.withAuthorization("Bearer wrong").get("/api/pxe/profiles").status()).isEqualTo(401);
        tenantOs.faults().next(1, "GET /api/pxe/profiles", 503);

        assertThat(http.get("/api/pxe/profiles").status()).isEqualTo(503);
        assertThat(http.get("/api/pxe/profiles").status()).isEqualTo(200);

        assertThat(tenantOs.callCount("GET /api/pxe/profiles")).isEqualTo(3);
    }

    @Test
    void theControlApiAddsRenamesAndRemovesAProfileEverywhere() {
        control().post("/_simulator/profiles", Map.of("id", 16, "name", "Rocky Linux 9", "tags", List.of("linux")));
        assertThat(listed("/api/pxe/profiles")).contains("16 Rocky Linux 9");
        assertThat(listed("/api/servers/105/provisioning/getProfiles")).contains("16 Rocky Linux 9");

        Http.Response renamed = control().put("/_simulator/profiles/16", Map.of("name", "Rocky Linux 9.5"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("name").asText()).isEqualTo("Rocky Linux 9.5");
        assertThat(renamed.json().path("tags")).extracting(JsonNode::asText).containsExactly("linux");
        assertThat(listed("/api/pxe/profiles")).contains("16 Rocky Linux 9.5").doesNotContain("16 Rocky Linux 9");
        assertThat(listed("/api/servers/105/provisioning/getProfiles")).contains("16 Rocky Linux 9.5");

        assertThat(control().delete("/_simulator/profiles/16").status()).isEqualTo(200);
        assertThat(listed("/api/pxe/profiles")).noneMatch(p -> p.startsWith("16 "));
        assertThat(listed("/api/servers/105/provisioning/getProfiles")).noneMatch(p -> p.startsWith("16 "));
    }

    @Test
    void renamingKeepsTheProfileWhereItWasAndWhatItDoes() {
        tenantOs.renameProfile(90, "Disk wipe (DoD)");

        assertThat(tenantOs.profiles()).extracting(Seed.Profile::id).containsExactly(12L, 13L, 14L, 15L, 90L);
        assertThat(tenantOs.profiles().get(4))
                .isEqualTo(new Seed.Profile(90, "Disk wipe (DoD)", List.of("wipe"), true));
        assertThat(http.get("/api/pxe/profiles").result().get(4).path("name").asText()).isEqualTo("Disk wipe (DoD)");
    }

    @Test
    void anUnknownOrNamelessRenameIsRefused() {
        assertThat(control().put("/_simulator/profiles/77", Map.of("name", "Nothing")).status()).isEqualTo(404);
        assertThat(control().put("/_simulator/profiles/12", Map.of()).status()).isEqualTo(422);
        assertThatThrownBy(() -> tenantOs.renameProfile(77, "Nothing")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> tenantOs.renameProfile(12, " ")).isInstanceOf(IllegalArgumentException.class);

        assertThat(tenantOs.profiles().getFirst().name()).isEqualTo("Debian 12 (Bookworm)");
    }
}
