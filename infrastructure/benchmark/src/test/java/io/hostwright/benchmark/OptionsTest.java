package io.hostwright.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void withoutOnlyEveryPhaseRunsTheLifecycleOneWithFortyServers() {
        Options options = Options.parse(new String[0]);

        assertThat(options.coldStarts()).isTrue();
        assertThat(options.orderLoad()).isTrue();
        assertThat(options.provisioning()).isTrue();
        assertThat(options.lifecycle()).isTrue();
        assertThat(options.lifecycleServers()).isEqualTo(40);
    }

    @Test
    void onlyTheLifecyclePhaseWithItsServers() {
        Options options = Options.parse(new String[] {"--only=lifecycle", "--servers=5", "--concurrency=4"});

        assertThat(options.lifecycle()).isTrue();
        assertThat(options.coldStarts() || options.orderLoad() || options.provisioning()).isFalse();
        assertThat(options.lifecycleServers()).isEqualTo(5);
        assertThat(options.concurrency()).isEqualTo(4);
        assertThat(Options.parse(new String[] {"--only=provisioning"}).lifecycle()).isFalse();
    }

    @Test
    void aWrongValueNamesItsOption() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--servers=0"})).hasMessageContaining("--servers");
        assertThatThrownBy(() -> Options.parse(new String[] {"--only=lifecyle"})).hasMessageContaining("lifecycle");
    }
}
