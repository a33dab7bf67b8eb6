package io.hostwright.simulator.vmmanager6;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The mutating calls: each answers a task at once, shows its state meanwhile and applies its effect on completion. */
class HostTasksTest extends SimulatorFixture {

    @Test
    void aHostWhoseTaskRunsAnswers409Code1020() {
        Http.Response created = api.post("/vm/v3/host", hostBody("busy"));
        long id = created.json().path("id").asLong();

        for (Http.Response busy : new Http.Response[] {api.post("/vm/v3/host/" + id + "/stop", null),
                api.delete("/vm/v3/host/" + id), api.post("/vm/v3/host/" + id + "/password", Map.of("password", "x1")),
                api.post("/vm/v3/disk/" + vm6.host(id).disks().getFirst().id(), Map.of("size_mib", 40960))}) {
            assertThat(busy.status()).isEqualTo(409);
            assertThat(busy.raw()).isEqualTo("{\"error\":{\"code\":1020,\"msg\":\"Host is busy\",\"value\":" + id + "}}");
        }

        clock.advance(TASK);
        assertThat(api.post("/vm/v3/host/" + id + "/stop", null).status()).isEqualTo(200);
        assertThat(vm6.tasks()).hasSize(2);
    }

    @Test
    void deleteShowsDeletingThenTheHostIsGoneAndItsIpsAreFree() {
        long id = activeHost("doomed");
        assertThat(vm6.pool(1).free()).isEqualTo(39);

        Http.Response deleted = api.delete("/vm/v3/host/" + id);

        long consulId = deleted.json().path("task").asLong();
        assertThat(api.get("/vm/v3/host/" + id).json().path("state").asText()).isEqualTo("deleting");
        assertThat(vm6.pool(1).free()).as("until the task completes").isEqualTo(39);

        clock.advance(TASK);

        assertThat(task(consulId, "host_delete").path("status").asText()).isEqualTo("complete");
        assertThat(api.get("/vm/v3/host/" + id).code()).isEqualTo(1003);
        assertThat(vm6.hosts()).isEmpty();
        assertThat(vm6.pool(1).free()).isEqualTo(40);
        assertThat(vm6.host(activeHost("next")).ips()).as("the address is handed out again")
                .containsExactly("198.51.100.10");
    }

    @Test
    void stopStartAndRestartSwitchPowerWhenTheirTaskCompletes() {
        long id = activeHost("power");

        long stop = api.post("/vm/v3/host/" + id + "/stop", null).json().path("task").asLong();
        assertThat(vm6.host(id).poweredOn()).isTrue();
        clock.advance(TASK);
        assertThat(task(stop, "host_stop").path("status").asText()).isEqualTo("complete");
        assertThat(vm6.host(id).state()).isEqualTo("stopped");
        assertThat(api.get("/vm/v3/host/" + id).json().path("power").asText()).isEqualTo("off");

        long start = api.post("/vm/v3/host/" + id + "/start", null).json().path("task").asLong();
        clock.advance(TASK);
        assertThat(task(start, "host_start").path("status").asText()).isEqualTo("complete");
        assertThat(vm6.host(id).state()).isEqualTo("active");
        assertThat(vm6.host(id).poweredOn()).isTrue();

        Http.Response restart = api.post("/vm/v3/host/" + id + "/restart", null);
        assertThat(restart.json().has("task")).isFalse();
        long restartTask = restart.json().path("start_task").asLong();
        clock.advance(TASK);
        assertThat(task(restartTask, "host_restart").path("status").asText()).isEqualTo("complete");
        assertThat(vm6.host(id).poweredOn()).isTrue();
    }

    @Test
    void reinstallShowsReinstallingThenTheNewOsAndPassword() {
        long id = activeHost("reinstall");
        api.post("/vm/v3/host/" + id + "/stop", null);
        clock.advance(TASK);

        long consulId = api.post("/vm/v3/host/" + id + "/reinstall", Map.of("os", 3, "password", "n3w-pass"))
                .json().path("task").asLong();

        assertThat(vm6.host(id).state()).isEqualTo("reinstalling");
        assertThat(vm6.host(id).osId()).isEqualTo(1);
        clock.advance(TASK);
        assertThat(task(consulId, "host_reinstall").path("status").asText()).isEqualTo("complete");
        assertThat(api.get("/vm/v3/host/" + id).json().path("os").path("name").asText()).isEqualTo("AlmaLinux 9");
        assertThat(vm6.host(id).state()).isEqualTo("active");
        assertThat(vm6.host(id).poweredOn()).isTrue();
        assertThat(vm6.passwordOf(id)).hasValue("n3w-pass");
        assertThat(api.post("/vm/v3/host/" + id + "/reinstall", Map.of("os", 42)).error().path("value").asText())
                .isEqualTo("os");
    }

    @Test
    void resourceAndDiskChangesApplyWhenTheirTaskCompletes() {
        long id = activeHost("resize");
        long diskId = vm6.host(id).disks().getFirst().id();

        long resource = api.post("/vm/v3/host/" + id + "/resource", Map.of("cpu_number", 4, "ram_mib", 8192))
                .json().path("task").asLong();
        assertThat(vm6.host(id).state()).isEqualTo("changing");
        assertThat(vm6.host(id).cpuNumber()).isEqualTo(1);
        clock.advance(TASK);
        assertThat(task(resource, "host_change_params").path("status").asText()).isEqualTo("complete");
        assertThat(vm6.host(id).cpuNumber()).isEqualTo(4);
        assertThat(vm6.host(id).ramMib()).isEqualTo(8192);
        assertThat(vm6.host(id).state()).isEqualTo("active");

        long disk = api.post("/vm/v3/disk/" + diskId, Map.of("size_mib", 40960)).json().path("task").asLong();
        assertThat(vm6.host(id).state()).isEqualTo("changing");
        clock.advance(TASK);
        assertThat(task(disk, "disk_resize").path("status").asText()).isEqualTo("complete");
        assertThat(api.get("/vm/v3/host/" + id).json().path("disks").get(0).path("size_mib").asLong())
                .isEqualTo(40960);

        Http.Response shrink = api.post("/vm/v3/disk/" + diskId, Map.of("size_mib", 20480));
        assertThat(shrink.status()).isEqualTo(400);
        assertThat(shrink.code()).isEqualTo(1002);
        assertThat(shrink.error().path("value").asText()).isEqualTo("size_mib");
        assertThat(api.post("/vm/v3/disk/9999", Map.of("size_mib", 40960)).code()).isEqualTo(1003);
        assertThat(api.post("/vm/v3/host/" + id + "/resource", Map.of()).error().path("value").asText())
                .isEqualTo("cpu_number");
    }

    @Test
    void aPasswordChangeTakesItsTask() {
        long id = activeHost("password");

        long consulId = api.post("/vm/v3/host/" + id + "/password", Map.of("password", "other-pass"))
                .json().path("task").asLong();

        assertThat(vm6.passwordOf(id)).hasValue("s3cret-pass");
        clock.advance(TASK);
        assertThat(task(consulId, "host_password").path("status").asText()).isEqualTo("complete");
        assertThat(vm6.passwordOf(id)).hasValue("other-pass");
    }

    @Test
    void aScriptedCreateFailureLeavesTheHostFailedAndTheTaskFailWithTheMessage() {
        vm6.failNextTasks("host_create", 1, "Not enough disk space on node");

        Http.Response created = api.post("/vm/v3/host", hostBody("doomed"));
        long id = created.json().path("id").asLong();
        clock.advance(TASK);

        var task = task(created.json().path("task").asLong(), "host_create");
        assertThat(task.path("status").asText()).isEqualTo("fail");
        assertThat(task.path("output").asText()).isEqualTo("Not enough disk space on node");
        assertThat(task.path("finished_date").asText()).isEqualTo(T0.plus(TASK).toString());
        assertThat(vm6.host(id).state()).isEqualTo("failed");
        assertThat(vm6.host(id).poweredOn()).isFalse();
        assertThat(vm6.host(id).ips()).as("kept until the host is deleted").hasSize(1);
        assertThat(vm6.pendingTaskFailures()).isEmpty();

        long next = api.post("/vm/v3/host", hostBody("fine")).json().path("id").asLong();
        clock.advance(TASK);
        assertThat(vm6.host(next).state()).as("only the next one failed").isEqualTo("active");

        api.delete("/vm/v3/host/" + id);
        clock.advance(TASK);
        assertThat(vm6.hosts()).extracting(SimulatedHost::id).containsExactly(next);
    }

    @Test
    void aFailedTaskOtherThanCreateLeavesTheHostAsItWas() {
        long id = activeHost("keep");
        vm6.failNextTasks("host_reinstall", 2, "Image download failed");
        vm6.failNextTasks("host_delete", 1, "Node unreachable");

        api.post("/vm/v3/host/" + id + "/reinstall", Map.of("os", 2));
        clock.advance(TASK);
        assertThat(vm6.host(id).state()).isEqualTo("active");
        assertThat(vm6.host(id).osId()).isEqualTo(1);
        assertThat(vm6.pendingTaskFailures()).containsExactly(Map.entry("host_delete", 1),
                Map.entry("host_reinstall", 1));

        api.delete("/vm/v3/host/" + id);
        clock.advance(TASK);
        assertThat(vm6.host(id).state()).isEqualTo("active");
        assertThat(vm6.tasks()).extracting(SimulatedTask::name, SimulatedTask::status, SimulatedTask::output)
                .contains(org.assertj.core.groups.Tuple.tuple("host_delete", "fail", "Node unreachable"));
    }

    @Test
    void eachTaskNameCanHaveItsOwnDuration() {
        vm6.setTaskDuration("host_create", Duration.ofSeconds(10));

        long id = api.post("/vm/v3/host", hostBody("slow")).json().path("id").asLong();
        clock.advance(Duration.ofSeconds(9));
        assertThat(vm6.host(id).state()).isEqualTo("creating");
        clock.advance(Duration.ofSeconds(1));
        assertThat(vm6.host(id).state()).isEqualTo("active");

        api.post("/vm/v3/host/" + id + "/stop", null);
        clock.advance(TASK);
        assertThat(vm6.host(id).state()).as("other tasks keep the default").isEqualTo("stopped");
    }
}
