package io.hostwright.lambda.api;

import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.Violation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void malformedJsonNamesTheBody() {
        assertThatThrownBy(() -> JsonBody.parse(utf8("{\"a\": "))).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("body"));
        assertThatThrownBy(() -> JsonBody.parse(utf8("[1]"))).isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> JsonBody.parse(new byte[0])).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void typeErrorsAndUnknownFieldsAreCollectedByPath() {
        JsonBody body = JsonBody.parse(utf8("{\"name\": 3, \"options\": {\"ipv4\": \"two\", \"colour\": 1}, \"x\": 1}"));
        body.allowOnly("", Set.of("name", "options")).allowOnly("options", Set.of("ipv4"));
        assertThat(body.string("name")).isNull();
        assertThat(body.integer("options.ipv4")).isNull();
        assertThatThrownBy(body::throwIfInvalid).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactlyInAnyOrder("x", "options.colour", "name", "options.ipv4"));
    }

    @Test
    void validValuesAreRead() {
        JsonBody body = JsonBody.parse(utf8("{\"name\": \"a\", \"options\": {\"ipv4\": 2}}"));
        assertThat(body.string("name")).isEqualTo("a");
        assertThat(body.integer("options.ipv4")).isEqualTo(2);
        assertThat(body.integer("options.bandwidthTb")).isNull();
        body.throwIfInvalid();
    }

    @Test
    void fractionalOrHugeNumbersAreNotWholeNumbers() {
        JsonBody body = JsonBody.parse(utf8("{\"a\": 1.5, \"b\": 99999999999}"));
        body.integer("a");
        body.integer("b");
        assertThatThrownBy(body::throwIfInvalid).isInstanceOf(InvalidRequest.class);
    }

    /** Found by HostileBodiesTest: {@code {"action":"on","action":"off"}} was read as its last key. */
    @Test
    void aKeyGivenTwiceIsRefusedNamingTheBody() {
        assertThatThrownBy(() -> JsonBody.parse(utf8("{\"action\": \"on\", \"action\": \"off\"}")))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("body");
                    assertThat(e.getMessage()).contains("action");
                });
        assertThatThrownBy(() -> JsonBody.parse(utf8("{\"o\": {\"a\": 1, \"a\": 1}}")))
                .isInstanceOf(InvalidRequest.class);
    }

    /** Found by HostileBodiesTest: whatever followed the first document was ignored. */
    @Test
    void anythingAfterTheDocumentIsRefusedNamingTheBody() {
        for (String trailing : new String[]{"{\"a\": 1} x", "{\"a\": 1}}", "{\"a\": 1} {\"b\": 2}", "{\"a\": 1},"}) {
            assertThatThrownBy(() -> JsonBody.parse(utf8(trailing))).as(trailing)
                    .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).containsExactly("body"));
        }
        assertThat(JsonBody.parse(utf8("{\"a\": 1}  \n")).integer("a")).isEqualTo(1);
    }

    /** Found by HostileBodiesTest: past Jackson's limits the parser gives no location, and reading it was a 5xx. */
    @Test
    void nestingOrNumbersPastTheParsersLimitsAreInvalidJsonNamingTheBody() {
        String deep = "{\"a\": " + "[".repeat(1_500) + "]".repeat(1_500) + "}";
        String longNumber = "{\"a\": " + "9".repeat(1_500) + "}";
        for (String body : new String[]{deep, longNumber}) {
            assertThatThrownBy(() -> JsonBody.parse(utf8(body)))
                    .isInstanceOfSatisfying(InvalidRequest.class, e -> {
                        assertThat(e.violations()).extracting(Violation::field).containsExactly("body");
                        assertThat(e.getMessage()).contains("is not valid JSON");
                    });
        }
    }

    /** Found while fuzzing free text: {@code "\\ud800"} was stored as {@code ?}, silently changing what was sent. */
    @Test
    void halfASurrogatePairAnywhereIsRefusedNamingItsField() {
        String body = "{\"reason\": \"a\\ud800\", \"o\": {\"tags\": [\"ok\", \"\\udfff\"]}, \"\\ud83d\": 1}";
        assertThatThrownBy(() -> JsonBody.parse(utf8(body))).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("reason", "o.tags[1]", "body"));
        assertThat(JsonBody.parse(utf8("{\"reason\": \"\\ud83d\\ude00 \\u202e\\u0000\"}")).string("reason"))
                .isEqualTo("\uD83D\uDE00 \u202E\u0000");
    }
}
