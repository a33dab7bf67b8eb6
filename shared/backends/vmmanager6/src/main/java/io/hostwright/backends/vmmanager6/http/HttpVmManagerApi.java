package io.hostwright.backends.vmmanager6.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.backends.vmmanager6.VmAccount;
import io.hostwright.backends.vmmanager6.VmHost;
import io.hostwright.backends.vmmanager6.VmHostRequest;
import io.hostwright.backends.vmmanager6.VmIp;
import io.hostwright.backends.vmmanager6.VmManagerApi;
import io.hostwright.backends.vmmanager6.VmOs;
import io.hostwright.backends.vmmanager6.VmTask;
import io.hostwright.backends.vmmanager6.VmTaskRef;
import io.hostwright.backends.vmmanager6.VmTraffic;
import io.hostwright.domain.backend.BackendFailure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * VMmanager 6's HTTP API ({@code auth/v4}, {@code vm/v3}) as ISPsystem's guide and its own billing modules use it:
 * lists are {@code {list, size}} filtered with {@code where}, every change answers a task. Each method is one HTTP
 * call, made once (see {@link VmHttp}): not even a read is tried again here, and a 503 of an instance waking up is a
 * {@link BackendFailure.Transient} like any other. {@link RetryingVmManagerApi} repeats the calls that are safe to
 * repeat; production builds both through {@link HttpVmManagerApis}.
 */
public final class HttpVmManagerApi implements VmManagerApi {

    static final int STEP_SECONDS = 300;

    private final VmHttp http;

    /** @param credential {@code <e-mail>:<password>} of the account the module acts as */
    public HttpVmManagerApi(String baseUrl, String credential, Duration connectTimeout, Duration requestTimeout) {
        this.http = new VmHttp(baseUrl, credential, connectTimeout, requestTimeout);
    }

    @Override
    public String baseUrl() {
        return http.baseUrl();
    }

    @Override
    public Optional<VmAccount> findAccountByEmail(String email) {
        return list(VmHttp.Call.list("/vm/v3/account", Where.eq("email", email)), HttpVmManagerApi::account)
                .stream().filter(a -> a.email().equalsIgnoreCase(email)).findFirst();
    }

    @Override
    public long createAccount(String email, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        body.put("role", "@user");
        return read(http.exchange(VmHttp.Call.post("/vm/v3/account", body)), "/vm/v3/account",
                a -> required(a, "id").asLong());
    }

    @Override
    public void suspendAccount(long accountId) {
        http.exchange(VmHttp.Call.post("/vm/v3/account/" + accountId + "/suspend", null));
    }

    @Override
    public void resumeAccount(long accountId) {
        http.exchange(VmHttp.Call.post("/vm/v3/account/" + accountId + "/resume", null));
    }

    @Override
    public void deleteAccount(long accountId) {
        http.exchange(VmHttp.Call.delete("/vm/v3/account/" + accountId));
    }

    @Override
    public List<VmHost> hostsWithComment(String comment) {
        return list(VmHttp.Call.list("/vm/v3/host", Where.eq("comment", comment)), HttpVmManagerApi::host).stream()
                .filter(h -> comment.equals(h.comment())).toList();
    }

    @Override
    public List<VmHost> hostsOfAccount(long accountId) {
        return list(VmHttp.Call.list("/vm/v3/host", Where.eq("account.id", accountId)), HttpVmManagerApi::host)
                .stream().filter(h -> h.accountId() != null && h.accountId() == accountId).toList();
    }

    @Override
    public Optional<VmHost> host(long hostId) {
        try {
            return Optional.of(read(http.exchange(VmHttp.Call.get("/vm/v3/host/" + hostId)), "/vm/v3/host/{id}",
                    HttpVmManagerApi::host));
        } catch (BackendFailure failure) {
            if (failure.status() == 404) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    @Override
    public VmTaskRef createHost(VmHostRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", r.name());
        body.put("password", r.password());
        body.put("cluster", r.clusterId());
        body.put("os", r.osId());
        if (r.presetId() != null) {
            body.put("preset", r.presetId());
        } else {
            body.put("cpu_number", r.cpuNumber());
            body.put("ram_mib", r.ramMib());
            body.put("hdd_mib", r.hddMib());
        }
        body.put("account", r.accountId());
        body.put("ipv4_number", r.ipv4Number());
        if (!r.ipv4Pools().isEmpty()) {
            body.put("ipv4_pool", r.ipv4Pools());
        }
        body.put("ipv6_enabled", r.ipv6Enabled());
        if (r.bandwidthMbit() != null) {
            body.put("net_bandwidth_mbitps", r.bandwidthMbit());
        }
        body.put("comment", r.comment());
        if (r.domain() != null) {
            body.put("domain", r.domain());
        }
        JsonNode answer = http.exchange(VmHttp.Call.post("/vm/v3/host", body));
        return read(answer, "/vm/v3/host", a -> new VmTaskRef(required(a, "id").asLong(), required(a, "task").asText(),
                "host_create"));
    }

    @Override
    public VmTaskRef deleteHost(long hostId) {
        return task(http.exchange(VmHttp.Call.delete("/vm/v3/host/" + hostId)), hostId, "task", "host_delete");
    }

    @Override
    public VmTaskRef start(long hostId) {
        return task(http.exchange(VmHttp.Call.post("/vm/v3/host/" + hostId + "/start", null)), hostId, "task",
                "host_start");
    }

    @Override
    public VmTaskRef stop(long hostId) {
        return task(http.exchange(VmHttp.Call.post("/vm/v3/host/" + hostId + "/stop", null)), hostId, "task",
                "host_stop");
    }

    @Override
    public VmTaskRef restart(long hostId) {
        return task(http.exchange(VmHttp.Call.post("/vm/v3/host/" + hostId + "/restart", null)), hostId,
                "start_task", "host_restart");
    }

    @Override
    public VmTaskRef reinstall(long hostId, long osId, String password) {
        return task(http.exchange(VmHttp.Call.post("/vm/v3/host/" + hostId + "/reinstall",
                Map.of("os", osId, "password", password))), hostId, "task", "host_reinstall");
    }

    @Override
    public VmTaskRef changeResources(long hostId, Integer cpuNumber, Long ramMib) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (cpuNumber != null) {
            body.put("cpu_number", cpuNumber);
        }
        if (ramMib != null) {
            body.put("ram_mib", ramMib);
        }
        return task(http.exchange(VmHttp.Call.post("/vm/v3/host/" + hostId + "/resource", body)), hostId, "task",
                "host_change_params");
    }

    @Override
    public VmTaskRef resizeDisk(long diskId, long sizeMib) {
        return task(http.exchange(VmHttp.Call.post("/vm/v3/disk/" + diskId, Map.of("size_mib", sizeMib))), 0, "task",
                "disk_resize");
    }

    @Override
    public VmTaskRef changePassword(long hostId, String password) {
        return task(http.exchange(VmHttp.Call.post("/vm/v3/host/" + hostId + "/password",
                Map.of("password", password))), hostId, "task", "host_password");
    }

    @Override
    public Optional<VmTask> task(String consulId, String name) {
        return list(VmHttp.Call.list("/vm/v3/task", Where.and(Where.eq("consul_id", consulId), Where.eq("name", name))),
                t -> new VmTask(t.path("consul_id").asText(), t.path("name").asText(), t.path("status").asText(),
                        t.path("output").isNull() ? null : t.path("output").asText(null)))
                .stream().filter(t -> t.consulId().equals(consulId) && t.name().equals(name)).findFirst();
    }

    @Override
    public List<VmIp> ipv4(long hostId) {
        return list(VmHttp.Call.get("/vm/v3/host/" + hostId + "/ipv4"), ip -> new VmIp(required(ip, "id").asLong(),
                required(ip, "ip_addr").asText(), ip.path("domain").isNull() || ip.path("domain").asText().isEmpty()
                ? null : ip.path("domain").asText()));
    }

    @Override
    public void setPtr(long ipId, String domain) {
        http.exchange(VmHttp.Call.post("/vm/v3/ip/" + ipId + "/ptr", Map.of("domain", domain)));
    }

    @Override
    public List<VmOs> osTemplates() {
        return list(VmHttp.Call.get("/vm/v3/os"), os -> new VmOs(required(os, "id").asLong(), required(os, "name")
                .asText(), os.path("repository").path("name").asText(""), os.path("state").asText("active")));
    }

    @Override
    public String ssoKey(String email) {
        return read(http.exchange(VmHttp.Call.post("/auth/v4/user/" + email + "/key", null)),
                "/auth/v4/user/{email}/key", a -> required(a, "key").asText());
    }

    @Override
    public SortedMap<Instant, Long> netBytes(long hostId, VmTraffic.Direction direction, Instant from, Instant to) {
        String target = direction.metric();
        VmHttp.Call call = VmHttp.Call.get("/vm/v3/host/" + hostId + "/metrics").with("target", target)
                .with("from", Long.toString(from.getEpochSecond())).with("until", Long.toString(to.getEpochSecond()))
                .with("step", Integer.toString(STEP_SECONDS));
        JsonNode answer = http.exchange(call);
        SortedMap<Instant, Long> steps = new TreeMap<>();
        for (JsonNode series : answer.path("list")) {
            if (!target.equals(series.path("target").asText(target))) {
                continue;
            }
            for (JsonNode point : series.path("datapoints")) {
                if (point.size() < 2 || point.get(0).isNull()) {
                    continue;
                }
                steps.merge(Instant.ofEpochSecond(point.get(1).asLong()), point.get(0).asLong(), Long::sum);
            }
        }
        return steps;
    }

    private <T> List<T> list(VmHttp.Call call, Function<JsonNode, T> item) {
        JsonNode answer = http.exchange(call);
        JsonNode list = answer.path("list");
        if (!list.isArray()) {
            throw new BackendFailure.Permanent(call.describe() + ": the answer holds no list", 200, null);
        }
        List<T> items = new ArrayList<>();
        for (JsonNode node : list) {
            items.add(read(node, call.path(), item));
        }
        return items;
    }

    private static <T> T read(JsonNode node, String path, Function<JsonNode, T> reader) {
        try {
            return reader.apply(node);
        } catch (RuntimeException e) {
            throw new BackendFailure.Permanent("VMmanager " + path + ": unexpected answer: " + e.getMessage(), 200,
                    null);
        }
    }

    private static VmTaskRef task(JsonNode answer, long hostId, String field, String name) {
        return read(answer, name, a -> new VmTaskRef(hostId, required(a, field).asText(), name));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static VmAccount account(JsonNode a) {
        return new VmAccount(required(a, "id").asLong(), required(a, "email").asText(), a.path("role").asText(""),
                a.path("state").asText("active"));
    }

    private static VmHost host(JsonNode h) {
        List<VmHost.VmDisk> disks = new ArrayList<>();
        for (JsonNode d : h.path("disks")) {
            disks.add(new VmHost.VmDisk(d.path("id").asLong(), d.path("size_mib").asLong()));
        }
        List<String> ips = new ArrayList<>();
        for (JsonNode ip : h.path("ip4")) {
            ips.add(ip.path("ip").asText(ip.path("ip_addr").asText()));
        }
        JsonNode account = h.path("account");
        JsonNode os = h.path("os");
        return new VmHost(required(h, "id").asLong(), h.path("name").asText(""), h.path("comment").asText(""),
                h.path("state").asText(""), account.has("id") ? account.path("id").asLong() : null,
                os.has("id") ? os.path("id").asLong() : null, os.path("name").asText(null),
                h.path("cpu_number").asInt(), h.path("ram_mib").asLong(), disks, ips, h.path("power").asText(""));
    }
}
