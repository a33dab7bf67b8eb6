package io.hostwright.simulators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;

class StateFileTest {

    @Test
    void nothingIsReadBeforeAnythingWasWritten(@TempDir Path dir) {
        assertThat(StateFile.at(dir.resolve("sim/state.json")).read()).isEmpty();
    }

    @Test
    void theLastStateSavedIsWhatTheNextStartReads(@TempDir Path dir) {
        Path path = dir.resolve("sim/state.json");
        StateFile first = StateFile.at(path);
        first.save("{\"servers\":1}");
        first.save("{\"servers\":2}");

        assertThat(StateFile.at(path).read()).contains("{\"servers\":2}");
        assertThat(dir.resolve("sim")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void theSameStateIsNotWrittenAgain(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("state.json");
        StateFile file = StateFile.at(path);
        file.save("same");
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(path, old);

        file.save("same");

        assertThat(Files.getLastModifiedTime(path)).isEqualTo(old);
    }

    @Test
    void aStateReadIsNotRewrittenUnchanged(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("state.json");
        StateFile.at(path).save("kept");
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(path, old);
        StateFile restarted = StateFile.at(path);
        restarted.read();

        restarted.save("kept");

        assertThat(Files.getLastModifiedTime(path)).isEqualTo(old);
    }
}
