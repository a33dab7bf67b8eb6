package io.hostwright.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataFolderTest {

    @Test
    void aNewFolderIsCreatedMarkedAndNew(@TempDir Path dir) {
        Path folder = dir.resolve("nested/data");
        try (DataFolder data = DataFolder.open(folder, false)) {
            assertThat(data.isNew()).isTrue();
            assertThat(data.root()).isEqualTo(folder.toAbsolutePath());
            assertThat(folder.resolve(DataFolder.MARKER)).isRegularFile();
            assertThat(data.seededAt()).isEmpty();
            assertThat(data.simulatorState("tenantos")).isEqualTo(folder.resolve("simulators/tenantos.json"));
        }
        try (DataFolder again = DataFolder.open(folder, false)) {
            assertThat(again.isNew()).isFalse();
        }
    }

    @Test
    void whatIsRecordedIsReadBackAtTheNextOpen(@TempDir Path dir) {
        Instant at = Instant.parse("2026-05-01T10:00:00Z");
        try (DataFolder data = DataFolder.open(dir, false)) {
            data.recordSeeded(at);
            data.recordSimulatorUrls(Map.of("tenantos", "http://127.0.0.1:3101"));
        }
        try (DataFolder data = DataFolder.open(dir, false)) {
            assertThat(data.seededAt()).contains(at);
            assertThat(data.lastSimulatorUrls()).containsExactly(Map.entry("tenantos", "http://127.0.0.1:3101"));
        }
    }

    @Test
    void freshEmptiesTheFolderAndStartsItAnew(@TempDir Path dir) throws Exception {
        try (DataFolder data = DataFolder.open(dir, false)) {
            data.recordSeeded(Instant.now());
            Files.createDirectories(dir.resolve("dynamodb"));
            Files.writeString(dir.resolve("dynamodb/shared-local-instance.db"), "rows");
            Files.createDirectories(dir.resolve("simulators"));
            Files.writeString(data.simulatorState("tenantos"), "{}");
        }

        try (DataFolder data = DataFolder.open(dir, true)) {
            assertThat(data.isNew()).isTrue();
            assertThat(data.seededAt()).isEmpty();
            assertThat(dir.resolve("dynamodb")).doesNotExist();
            assertThat(dir.resolve("simulators")).doesNotExist();
            assertThat(dir.resolve(DataFolder.MARKER)).isRegularFile();
        }
    }

    @Test
    void aFolderOfSomethingElseIsNeitherUsedNorWiped(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("thesis.tex"), "years of work");

        assertThatThrownBy(() -> DataFolder.open(dir, true))
                .hasMessageContaining("not a Hostwright data folder").hasMessageContaining("--data-dir");
        assertThat(dir.resolve("thesis.tex")).hasContent("years of work");
    }

    @Test
    void aLockLeftByAStartKilledBeforeItMarkedTheFolderIsNoObstacle(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve(DataFolder.LOCK));

        try (DataFolder data = DataFolder.open(dir, false)) {
            assertThat(data.isNew()).isTrue();
        }
    }

    @Test
    void aFolderInUseByAnotherRuntimeIsRefused(@TempDir Path dir) {
        try (DataFolder ignored = DataFolder.open(dir, false)) {
            assertThatThrownBy(() -> DataFolder.open(dir, true))
                    .hasMessageContaining("another Hostwright runtime uses the data folder");
            assertThat(dir.resolve(DataFolder.MARKER)).as("nothing was wiped").isRegularFile();
        }
        try (DataFolder free = DataFolder.open(dir, false)) {
            assertThat(free.isNew()).isFalse();
        }
    }
}
