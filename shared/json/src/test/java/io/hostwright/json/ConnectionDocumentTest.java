package io.hostwright.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.Violation;
import io.hostwright.json.catalog.ConnectionReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionDocumentTest {

    private static ObjectNode connection(String id) {
        return Json.MAPPER.createObjectNode().put("connectionId", id).put("backend", "tenantos")
                .put("baseUrl", "https://tenantos.example.test").put("secretRef", "env:KEY");
    }

    /** Found by HostileBodiesTest: a connection id of a few thousand letters was stored past the key limit (503). */
    @Test
    void idsAreAtMost63Characters() {
        assertThat(ConnectionReader.read(connection("c".repeat(63)), "").connectionId()).hasSize(63);
        assertThatThrownBy(() -> ConnectionReader.read(connection("c".repeat(64)), ""))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("connectionId"));
    }
}
