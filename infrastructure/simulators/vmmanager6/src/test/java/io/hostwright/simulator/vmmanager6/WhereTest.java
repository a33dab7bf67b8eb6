package io.hostwright.simulator.vmmanager6;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The filter language on its own, URL-decoded. */
class WhereTest {

    private static final JsonNode HOST = Json.tree(Json.obj("id", 101, "name", "web-1", "comment", null,
            "state", "active", "account", Map.of("id", 7, "email", "Ann@Example.com"),
            "ip4", List.of(Map.of("id", 2001, "ip", "198.51.100.10"), Map.of("id", 2002, "ip", "198.51.100.11"))));

    private static boolean matches(String where) {
        return Where.parse(where).test(HOST);
    }

    @Test
    void eqComparesAsTextSoNumbersMatchQuotedOrNot() {
        assertThat(matches("(id EQ '101')")).isTrue();
        assertThat(matches("(id EQ 101)")).isTrue();
        assertThat(matches("(name EQ 'web-1')")).isTrue();
        assertThat(matches("(name EQ 'web')")).isFalse();
        assertThat(matches("(name NE 'web')")).isTrue();
    }

    @Test
    void cpMeansContainsIgnoringCase() {
        assertThat(matches("(account.email CP 'example')")).isTrue();
        assertThat(matches("(account.email CP 'ANN@')")).isTrue();
        assertThat(matches("(account.email CP 'other')")).isFalse();
    }

    @Test
    void isNullHoldsForNullAndMissingFields() {
        assertThat(matches("(comment IS null)")).isTrue();
        assertThat(matches("(nothing IS NULL)")).isTrue();
        assertThat(matches("(name IS null)")).isFalse();
        assertThat(matches("(name IS NOT null)")).isTrue();
    }

    @Test
    void andBindsTighterThanOrAndParenthesesGroup() {
        assertThat(matches("((state EQ 'active') AND (name EQ 'web-1'))")).isTrue();
        assertThat(matches("(state EQ 'stopped') OR (name EQ 'web-1')")).isTrue();
        assertThat(matches("(state EQ 'stopped') OR (name EQ 'web-1') AND (id EQ 1)")).isFalse();
        assertThat(matches("((state EQ 'stopped') OR (name EQ 'web-1')) AND (id EQ 101)")).isTrue();
        assertThat(matches("state eq 'active' and id eq 101")).as("keywords in any case, parentheses optional")
                .isTrue();
    }

    @Test
    void plusSeparatesWordsLikeSpacesAndQuotedValuesKeepTheirs() {
        assertThat(matches("((state+EQ+'active')+AND+(name+EQ+'web-1'))")).isTrue();
        JsonNode spaced = Json.tree(Map.of("name", "a b+c", "note", "it's"));
        assertThat(Where.parse("(name EQ 'a b+c')").test(spaced)).isTrue();
        assertThat(Where.parse("(note EQ 'it\\'s')").test(spaced)).isTrue();
    }

    @Test
    void dottedFieldsReachIntoArrays() {
        assertThat(matches("(ip4.ip EQ '198.51.100.11')")).isTrue();
        assertThat(matches("(ip4.ip EQ '198.51.100.12')")).isFalse();
        assertThat(matches("(account.id EQ 7)")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "(name EQ 'x'", "name EQ 'x')", "(name 'x')", "(name EQ)", "(name LIKE 'x')",
            "(name EQ 'x') AND", "(name IS 'x')", "('x' EQ name)", "(name EQ 'unterminated)", "(name EQ AND)"})
    void badSyntaxIsRefused(String where) {
        assertThatThrownBy(() -> Where.parse(where)).isInstanceOf(IllegalArgumentException.class);
    }
}
