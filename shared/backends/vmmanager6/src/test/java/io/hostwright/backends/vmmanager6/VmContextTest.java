package io.hostwright.backends.vmmanager6;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VmContextTest {

    @Test
    void aGeneratedAccountAddressIsTheCustomersAloneAndTheSameForEachOfTheirServices() {
        String first = VmContext.generatedEmail("Aa", "vps.example.net");

        assertThat(first).matches("vm[0-9a-f]{12}@vps\\.example\\.net");
        assertThat(VmContext.generatedEmail("Aa", "vps.example.net")).isEqualTo(first);
        // "Aa" and "BB" share String.hashCode(): the address must not
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        assertThat(VmContext.generatedEmail("BB", "vps.example.net")).isNotEqualTo(first);
    }
}
