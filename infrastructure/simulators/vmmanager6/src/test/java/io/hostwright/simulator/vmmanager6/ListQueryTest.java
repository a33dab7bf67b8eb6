package io.hostwright.simulator.vmmanager6;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code where}, {@code orderby} and {@code limit} over HTTP, and {@code {list, size}}. */
class ListQueryTest extends SimulatorFixture {

    @BeforeEach
    void accounts() {
        for (String email : List.of("carol@example.com", "alice@example.com", "bob@example.org")) {
            assertThat(api.post("/vm/v3/account", Map.of("email", email, "password", "pw-123456", "role", "@user"))
                    .status()).isEqualTo(201);
        }
    }

    private List<String> emails(String query) {
        Http.Response response = api.get("/vm/v3/account?" + query);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        List<String> emails = new ArrayList<>();
        response.list().forEach(a -> emails.add(a.path("email").asText()));
        return emails;
    }

    @Test
    void aListAnswersListAndSize() {
        JsonNode all = api.get("/vm/v3/account").json();

        assertThat(all.path("size").asInt()).isEqualTo(4);
        assertThat(all.path("list").get(0).toString())
                .isEqualTo("{\"id\":1,\"email\":\"admin@vm6.local\",\"role\":\"@admin\",\"state\":\"active\"}");
    }

    @Test
    void whereAcceptsPlusSpacesAndPercentTwenty() {
        assertThat(emails("where=(email+EQ+'bob@example.org')")).containsExactly("bob@example.org");
        assertThat(emails("where=(email%20EQ%20'bob@example.org')")).containsExactly("bob@example.org");
        assertThat(emails("where=" + Http.encode("(email EQ 'bob@example.org')"))).containsExactly("bob@example.org");
    }

    @Test
    void whereCombinesWithAndOrAndParentheses() {
        assertThat(emails("where=((email+CP+'example.com')+AND+(role+EQ+'@user'))"))
                .containsExactly("carol@example.com", "alice@example.com");
        assertThat(emails("where=(email+EQ+'bob@example.org')+OR+(id+EQ+'1')"))
                .containsExactly("admin@vm6.local", "bob@example.org");
        assertThat(emails("where=(id+EQ+2)+OR+(id+EQ+3)+AND+(role+EQ+'@admin')")).containsExactly("carol@example.com");
    }

    @Test
    void orderbyAndLimitPageTheListAndSizeCountsEveryMatch() {
        assertThat(emails("orderby=email+asc")).containsExactly("admin@vm6.local", "alice@example.com",
                "bob@example.org", "carol@example.com");
        assertThat(emails("orderby=id+desc")).containsExactly("bob@example.org", "alice@example.com",
                "carol@example.com", "admin@vm6.local");

        Http.Response page = api.get("/vm/v3/account?where=(role+EQ+'@user')&orderby=email+asc&limit=1,1");
        assertThat(page.list()).extracting(a -> a.path("email").asText()).containsExactly("bob@example.org");
        assertThat(page.json().path("size").asInt()).isEqualTo(3);
        assertThat(emails("limit=2")).hasSize(2);
        assertThat(emails("limit=10,5")).isEmpty();
    }

    @Test
    void badParametersAnswer400Code1002NamingThem() {
        for (String[] bad : new String[][] {{"where=(email+EQ+'x'", "where"}, {"where=(email+LIKE+'x')", "where"},
                {"orderby=email+sideways", "orderby"}, {"limit=a,b", "limit"}, {"limit=-1,5", "limit"}}) {
            Http.Response response = api.get("/vm/v3/account?" + bad[0]);
            assertThat(response.status()).as(bad[0]).isEqualTo(400);
            assertThat(response.code()).isEqualTo(1002);
            assertThat(response.error().path("value").asText()).isEqualTo(bad[1]);
        }
    }

    @Test
    void everyListRouteFilters() {
        assertThat(api.get("/vm/v3/os?where=(repository.name+EQ+'local')").list())
                .extracting(o -> o.path("name").asText()).containsExactly("Debian 12 LAMP");
        assertThat(api.get("/vm/v3/cluster?where=(name+CP+'amsterdam')").list())
                .extracting(c -> c.path("id").asInt()).containsExactly(2);
        assertThat(api.get("/vm/v3/preset?orderby=ram_mib+desc&limit=0,1").list())
                .extracting(p -> p.path("name").asText()).containsExactly("VPS L");
        assertThat(api.get("/vm/v3/ippool?where=(cluster_ids+EQ+1)").list())
                .extracting(p -> p.path("id").asInt()).containsExactly(1, 2);
    }
}
