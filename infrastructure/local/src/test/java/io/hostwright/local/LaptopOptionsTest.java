package io.hostwright.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaptopOptionsTest {

    private static final Path DEFAULT = Path.of("/repo/.hostwright/data");
    private static final Supplier<Path> DEFAULT_DIR = () -> DEFAULT;

    private static LaptopOptions parse(String... args) {
        return LaptopOptions.parse(List.of(args), Map.of(), DEFAULT_DIR);
    }

    @Test
    void noOptionsKeepDataInTheDefaultFolderAndServeOnPort3000Quietly() {
        LaptopOptions options = parse();

        assertThat(options.dataDir()).isEqualTo(DEFAULT);
        assertThat(options.port()).isEqualTo(3000);
        assertThat(options.fresh()).isFalse();
        assertThat(options.inMemory()).isFalse();
        assertThat(options.verbose()).isFalse();
        assertThat(options.help()).isFalse();
    }

    @Test
    void helpWinsAndAsksForNothingElse() {
        LaptopOptions options = LaptopOptions.parse(List.of("--fresh", "--help"), Map.of(), () -> {
            throw new AssertionError("no data folder is looked for to print help");
        });

        assertThat(options.help()).isTrue();
        assertThat(parse("-h").help()).isTrue();
    }

    @Test
    void theUsageNamesEveryOptionAndTheVariables() {
        assertThat(LaptopOptions.usage()).contains("--data-dir", "--fresh", "--in-memory", "--port", "--verbose",
                "--help", "HOSTWRIGHT_PORT", "HOSTWRIGHT_DATA_DIR", "HOSTWRIGHT_SIMULATOR_TENANTOS_PORT", "3101");
    }

    @Test
    void anUnknownOptionIsRefusedNamingItAndPointingAtHelp() {
        assertThatThrownBy(() -> parse("--data-dri", "/tmp/x"))
                .isInstanceOf(LaptopOptions.UsageException.class)
                .hasMessageContaining("unknown option --data-dri")
                .hasMessageContaining("--help");
        assertThatThrownBy(() -> parse("fresh"))
                .isInstanceOf(LaptopOptions.UsageException.class)
                .hasMessageContaining("unexpected argument \"fresh\"");
    }

    @Test
    void theDataFolderComesFromTheOptionThenTheVariableThenTheDefault() {
        assertThat(parse("--data-dir", "/tmp/a").dataDir()).isEqualTo(Path.of("/tmp/a"));
        assertThat(parse("--data-dir=/tmp/b").dataDir()).isEqualTo(Path.of("/tmp/b"));
        assertThat(LaptopOptions.parse(List.of(), Map.of("HOSTWRIGHT_DATA_DIR", "/tmp/c"), DEFAULT_DIR).dataDir())
                .isEqualTo(Path.of("/tmp/c"));
        assertThat(LaptopOptions.parse(List.of("--data-dir", "/tmp/d"), Map.of("HOSTWRIGHT_DATA_DIR", "/tmp/c"),
                DEFAULT_DIR).dataDir()).isEqualTo(Path.of("/tmp/d"));
        assertThat(parse("--data-dir", "relative").dataDir()).isAbsolute();
    }

    @Test
    void freshVerboseAndInMemoryAreFlags() {
        assertThat(parse("--fresh").fresh()).isTrue();
        assertThat(parse("--verbose").verbose()).isTrue();
        assertThat(parse("-v").verbose()).isTrue();
        LaptopOptions inMemory = parse("--in-memory");
        assertThat(inMemory.inMemory()).isTrue();
        assertThat(inMemory.dataDir()).isNull();
        assertThatThrownBy(() -> parse("--fresh=yes")).hasMessageContaining("--fresh takes no value");
        assertThatThrownBy(() -> parse("--in-memory", "--fresh")).hasMessageContaining("--in-memory");
        assertThatThrownBy(() -> parse("--in-memory", "--data-dir", "/tmp/x")).hasMessageContaining("--in-memory");
    }

    @Test
    void thePortComesFromTheOptionThenTheVariableAndMustBeOne() {
        assertThat(parse("--port", "8080").port()).isEqualTo(8080);
        assertThat(LaptopOptions.parse(List.of(), Map.of("HOSTWRIGHT_PORT", "3900"), DEFAULT_DIR).port())
                .isEqualTo(3900);
        assertThatThrownBy(() -> parse("--port", "http")).hasMessageContaining("--port must be a port number");
        assertThatThrownBy(() -> parse("--port")).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> LaptopOptions.parse(List.of(), Map.of("HOSTWRIGHT_PORT", "70000"), DEFAULT_DIR))
                .hasMessageContaining("HOSTWRIGHT_PORT must be a port number");
        assertThatThrownBy(() -> parse("--data-dir")).hasMessageContaining("--data-dir needs a value");
    }
}
