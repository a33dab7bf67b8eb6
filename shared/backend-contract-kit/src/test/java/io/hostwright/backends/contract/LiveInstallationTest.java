package io.hostwright.backends.contract;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LiveInstallationTest {

    @AfterEach
    void forget() {
        System.clearProperty("hostwright.contract.notes.url");
        System.clearProperty("hostwright.contract.notes.credential");
        System.clearProperty("hostwright.contract.notes.serverId");
    }

    @Test
    void noneNamedAbortsTheTestSayingHowToNameOne() {
        TestAbortedException skipped = catchThrowableOfType(TestAbortedException.class,
                () -> LiveInstallation.require("notes"));

        assertThat(skipped).hasMessage("No real notes installation named, so this check did not"
                + " run: set hostwright.contract.notes.url and hostwright.contract.notes.credential (mvn -D…) or"
                + " HOSTWRIGHT_CONTRACT_NOTES_URL and HOSTWRIGHT_CONTRACT_NOTES_CREDENTIAL to run it against one");
    }

    @Test
    void aUrlWithoutACredentialIsNotEnough() {
        System.setProperty("hostwright.contract.notes.url", "https://notes.example.com");

        assertThat(LiveInstallation.find("notes")).isEmpty();
        assertThat(catchThrowableOfType(TestAbortedException.class, () -> LiveInstallation.require("notes"))).isNotNull();
    }

    @Test
    void readsTheInstallationAndItsOwnSettingsButNeverShowsTheCredential() {
        System.setProperty("hostwright.contract.notes.url", " https://notes.example.com ");
        System.setProperty("hostwright.contract.notes.credential", "live-key-93");
        System.setProperty("hostwright.contract.notes.serverId", "101");

        LiveInstallation live = LiveInstallation.require("notes");

        assertThat(live.baseUrl()).isEqualTo("https://notes.example.com");
        assertThat(live.credential()).isEqualTo("live-key-93");
        assertThat(live.setting("serverId")).hasValue("101");
        assertThat(live.setting("rackId")).isEmpty();
        assertThat(live.toString()).contains("https://notes.example.com").doesNotContain("live-key-93");
    }

    @Test
    void environmentVariablesAreNamedInCapitalsWithUnderscores() {
        assertThat(LiveInstallation.variable("notes", "serverId")).isEqualTo("HOSTWRIGHT_CONTRACT_NOTES_SERVER_ID");
        assertThat(LiveInstallation.variable("bill-manager", "url")).isEqualTo("HOSTWRIGHT_CONTRACT_BILL_MANAGER_URL");
    }
}
