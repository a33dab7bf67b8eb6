package io.hostwright.backends.tenantos.http;

import io.hostwright.backends.tenantos.TenantOsApi;
import io.hostwright.backends.tenantos.TenantOsConnection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HttpTenantOsApisTest {

    final Map<String, String> secrets = new HashMap<>(Map.of("env:TENANTOS_KEY", "key-one"));
    final List<String> asked = new ArrayList<>();
    final HttpTenantOsApis apis = new HttpTenantOsApis(reference -> {
        asked.add(reference);
        return secrets.get(reference);
    });

    static TenantOsConnection connection(String id, String baseUrl) {
        return new TenantOsConnection(id, "Demo", baseUrl, "env:TENANTOS_KEY", 1, List.of(), List.of(), List.of(),
                List.of(), "staff@example.com", List.of());
    }

    @Test
    void keepsOneClientPerConnectionUntilItsKeyOrUrlChanges() {
        TenantOsApi first = apis.of(connection("c1", "https://tenantos.example.com"));

        assertThat(apis.of(connection("c1", "https://tenantos.example.com"))).isSameAs(first);
        assertThat(apis.of(connection("c2", "https://tenantos.example.com"))).isNotSameAs(first);
        assertThat(apis.of(connection("c1", "https://other.example.com"))).isNotSameAs(first);
        TenantOsApi moved = apis.of(connection("c1", "https://other.example.com"));
        secrets.put("env:TENANTOS_KEY", "key-two");
        assertThat(apis.of(connection("c1", "https://other.example.com"))).isNotSameAs(moved);

        assertThat(asked).containsOnly("env:TENANTOS_KEY");
        assertThat(first).isInstanceOf(RetryingTenantOsApi.class);
        assertThat(apis.toString()).doesNotContain("key-one").doesNotContain("key-two");
        assertThat(first.toString()).doesNotContain("key-one");
    }
}
