package io.hostwright.coldstart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLineTest {

    @Test
    void escapesQuotesControlCharactersAndNonAscii() {
        String line = new JsonLine().add("output", "{\"a\":\"x\ny\"} – é").add("initMs", 12.5).add("n", 3L).object();

        assertThat(line).isEqualTo("{\"output\":\"{\\\"a\\\":\\\"x\\ny\\\"} \\u2013 \\u00e9\",\"initMs\":12.5,\"n\":3}");
    }

    @Test
    void writesNonFiniteNumbersAsNull() {
        assertThat(new JsonLine().add("ms", Double.NaN).object()).isEqualTo("{\"ms\":null}");
    }
}
