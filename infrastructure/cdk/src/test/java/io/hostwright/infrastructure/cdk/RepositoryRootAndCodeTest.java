package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryRootAndCodeTest {

    @TempDir
    Path repository;

    @Test
    void rootIsTheNearestDirectoryHoldingCdkJson() throws IOException {
        Files.writeString(repository.resolve("cdk.json"), "{}");
        Path nested = Files.createDirectories(repository.resolve("infrastructure/cdk"));

        assertThat(RepositoryRoot.locateFrom(nested)).isEqualTo(repository.toAbsolutePath().normalize());
    }

    @Test
    void noCdkJsonAnywhereIsAClearError() {
        assertThatThrownBy(() -> RepositoryRoot.locateFrom(repository)).hasMessageContaining("cdk.json");
    }

    @Test
    void aMissingFunctionJarTellsHowToBuildIt() {
        var function = Manifest.FUNCTIONS.getFirst();

        assertThatThrownBy(() -> FunctionCode.fromBuiltJars(repository).codeFor(function))
                .hasMessageContaining(function.jarPath())
                .hasMessageContaining("mvn -B package");
    }
}
