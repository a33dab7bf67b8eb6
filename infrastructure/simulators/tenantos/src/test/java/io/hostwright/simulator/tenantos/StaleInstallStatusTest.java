package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stale install status: right after a start, TenantOS may still report the server's job before. Time moves only
 * when the test says so, so each read lands where the test means it to.
 */
class StaleInstallStatusTest {

    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final Duration INSTALL = Duration.ofSeconds(1);

    private final TestClock clock = new TestClock(T0);
    private TenantOsSimulator tenantOs;
    private Http http;

    @BeforeEach
    void start() {
        tenantOs = TenantOsSimulator.start(SimulatorConfig.forTests().withClock(clock));
        http = new Http(tenantOs);
    }

    @AfterEach
    void stop() {
        tenantOs.close();
    }

    @Test
    void offByDefaultTheStatusShowsTheNewJobRightAfterItsStart() {
        installAndFinish(104, 14);

        start(104, 90);

        assertThat(tenantOs.settings().staleStatusReads()).isZero();
        assertThat(status(104).path("status").asText()).isEqualTo("running");
        assertThat(tenantOs.server(104).install().staleStatusReads()).isZero();
    }

    @Test
    void theFirstReadsAfterAStartReportThePreviousJobFinishedWhileTheNewOneRuns() {
        installAndFinish(104, 14);
        tenantOs.setStaleStatusReads(2);

        start(104, 90);

        assertThat(List.of(status(104), status(104))).allSatisfy(read -> {
            assertThat(read.path("status").asText()).isEqualTo("finished");
            assertThat(read.path("progress").asInt()).isEqualTo(100);
            assertThat(read.path("message").asText()).isEqualTo("installation finished");
        });
        SimulatedServer meanwhile = tenantOs.server(104);
        assertThat(meanwhile.diskwipeRunning()).as("only the status lags, not the server").isTrue();
        assertThat(meanwhile.install().status()).isEqualTo("running");
        assertThat(meanwhile.install().staleStatusReads()).isEqualTo(2);
        assertThat(http.get("/api/servers/104").result().path("diskwipeRunning").asInt()).isEqualTo(1);

        JsonNode third = status(104);
        assertThat(third.path("status").asText()).isEqualTo("running");
        assertThat(third.path("message").asText()).isEqualTo("wiping disks");

        clock.advance(INSTALL);
        assertThat(status(104).path("status").asText()).isEqualTo("finished");
        SimulatedServer wiped = tenantOs.server(104);
        assertThat(wiped.os()).isEmpty();
        assertThat(wiped.install().wipe()).isTrue();
        assertThat(wiped.install().startedAt()).isEqualTo(T0.plus(INSTALL));
        assertThat(wiped.install().endedAt()).isEqualTo(T0.plus(INSTALL).plus(INSTALL));
        assertThat(wiped.install().staleStatusReads()).isEqualTo(2);
    }

    @Test
    void everyStartLagsAgainAndAFailedJobBeforeIsReportedFailed() {
        tenantOs.setStaleStatusReads(1);
        tenantOs.faults().failInstalls(1);
        start(105, 12);
        assertThat(status(105).path("status").asText()).as("nothing ran before").isEqualTo("none");
        clock.advance(INSTALL);
        assertThat(status(105).path("status").asText()).isEqualTo("failed");

        start(105, 13);

        JsonNode stale = status(105);
        assertThat(stale.path("status").asText()).isEqualTo("failed");
        assertThat(stale.path("progress").asInt()).isEqualTo(60);
        assertThat(status(105).path("status").asText()).isEqualTo("running");
    }

    @Test
    void staleReadsEndWithTheJob() {
        installAndFinish(106, 12);
        tenantOs.setStaleStatusReads(5);
        start(106, 13);
        assertThat(status(106).path("status").asText()).isEqualTo("finished");

        http.get("/api/servers/106/provisioning/stopReinstallation");

        assertThat(status(106).path("message").asText()).as("the cancel, not the job before")
                .isEqualTo("installation cancelled");
        assertThat(tenantOs.server(106).install().staleStatusReads()).isEqualTo(1);
        assertThat(tenantOs.server(106).install().endedAt()).isEqualTo(tenantOs.server(106).install().startedAt());

        start(106, 12);
        clock.advance(INSTALL);
        JsonNode done = status(106);
        assertThat(done.path("status").asText()).isEqualTo("finished");
        assertThat(done.path("message").asText()).isEqualTo("installation finished");
        assertThat(tenantOs.server(106).install().staleStatusReads()).as("none left once it ended").isZero();
        assertThat(tenantOs.server(106).os()).isEqualTo("Debian 12 (Bookworm)");
    }

    @Test
    void theControlApiSetsItAndShowsHowManyReadsWereStale() {
        Http control = http.withAuthorization(null);
        installAndFinish(103, 12);

        JsonNode config = control.post("/_simulator/config", Map.of("staleStatusReads", 3)).json();

        assertThat(config.path("staleStatusReads").asInt()).isEqualTo(3);
        assertThat(tenantOs.settings().staleStatusReads()).isEqualTo(3);
        assertThat(control.get("/_simulator/state").json().path("settings").path("staleStatusReads").asInt())
                .isEqualTo(3);
        start(103, 13);
        assertThat(List.of(status(103), status(103), status(103)))
                .extracting(read -> read.path("status").asText()).containsOnly("finished");
        assertThat(status(103).path("status").asText()).isEqualTo("running");
        JsonNode install = control.get("/_simulator/servers/103").json().path("install");
        assertThat(install.path("status").asText()).isEqualTo("running");
        assertThat(install.path("staleStatusReads").asInt()).isEqualTo(3);
        assertThat(install.path("startedAt").asText()).isEqualTo(T0.plus(INSTALL).toString());
        assertThat(install.path("endedAt").isNull()).isTrue();

        assertThat(control.post("/_simulator/config", Map.of("staleStatusReads", -1)).status()).isEqualTo(422);
        assertThat(control.post("/_simulator/config", Map.of("staleStatusReads", 0)).json()
                .path("staleStatusReads").asInt()).isZero();
    }

    private void installAndFinish(long serverId, long profileId) {
        start(serverId, profileId);
        clock.advance(INSTALL);
        assertThat(tenantOs.server(serverId).install().status()).isEqualTo("finished");
    }

    private void start(long serverId, long profileId) {
        assertThat(http.post("/api/servers/" + serverId + "/provisioning/startReinstallation",
                Map.of("profileId", profileId)).status()).isEqualTo(200);
    }

    private JsonNode status(long serverId) {
        return http.get("/api/servers/" + serverId + "/provisioning/getInstallStatus").result();
    }
}
