package io.hostwright.local.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostwright.json.Json;
import io.hostwright.local.LaptopClient;
import io.hostwright.local.LaptopProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole suite killed with SIGKILL at random moments, five times, while 50 orders and 20 operations are in flight,
 * each time started again on the same data folder; the requests that got no answer are sent again with their
 * {@code Idempotency-Key}, as a storefront would. Then, once everything has run its course without anyone's help:
 * <ul>
 *   <li>every order's service is where its story ends — ACTIVE, or SUSPENDED/TERMINATED by its operation — or FAILED
 *       with staff told; every operation ended, SUCCEEDED or staff told;</li>
 *   <li>no server, VM or licence on two services, none left behind for a service that has none;</li>
 *   <li>no e-mail sent twice;</li>
 *   <li>no operation left holding its service's lock: the next action on each service is accepted;</li>
 *   <li>nothing in a dead-letter queue, nothing left in the work queues;</li>
 *   <li>every request answered the same after the restarts as the first time.</li>
 * </ul>
 * The moments are random; the seed is printed and {@code -Dcrash.seed=<seed>} repeats a run.
 */
class CrashEndToEndTest {

    private static final int KILLS = 5;
    private static final int CUSTOMERS = 5;
    private static final String STAFF_EMAIL = "noc@hostwright.local";
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration SETTLE = Duration.ofMinutes(10);
    private static final Set<String> WORK_QUEUES = Set.of("provisioning", "lifecycle", "mail");

    private final LaptopClient client = new LaptopClient();

    @Test
    void killedFiveTimesWithFiftyOrdersAndTwentyOperationsInFlightNothingIsLostOrDoneTwice(@TempDir Path data)
            throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("[crash] seed " + seed + " (-Dcrash.seed=" + seed + " repeats this run)");
        LaptopProcess.Ports ports = LaptopProcess.Ports.free();

        LaptopProcess run = start(ports, data);
        try {
            String staff = client.token("crash-noc", STAFF_EMAIL, "admin");
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                customers.add(client.token("crash-c" + i, "crash-c" + i + "@example.com", null));
            }
            addVpsProduct(staff, "vps-ams", 2, 3);
            addVpsProduct(staff, "vps-spare", 1, 2);
            Map<String, List<String>> os = offeredOs();

            // --- twenty services to act on, ACTIVE before the first kill
            List<ScriptedRequest> warmUp = warmUpOrders(customers, os);
            warmUp.forEach(r -> r.sendOnce(client));
            warmUp.forEach(r -> assertThat(r.answer().status()).as(r.name() + ": " + r.answer().text())
                    .isEqualTo(202));
            awaitStatuses(staff, warmUp, Duration.ofMinutes(4));

            // --- fifty orders and twenty operations, five kills
            List<ScriptedRequest> script = new ArrayList<>(chaosOrders(customers, os));
            script.addAll(operations(warmUp, staff, customers, os));
            Collections.shuffle(script, random);
            List<ScriptedRequest> fresh = new ArrayList<>(script);
            for (int round = 1; round <= KILLS; round++) {
                if (round > 1) {
                    run = start(ports, data);
                }
                List<ScriptedRequest> batch = new ArrayList<>(script.stream()
                        .filter(r -> !fresh.contains(r) && !r.settled()).toList());
                int quota = (fresh.size() + (KILLS - round)) / (KILLS - round + 1);
                List<ScriptedRequest> taken = new ArrayList<>(fresh.subList(0, quota));
                fresh.removeAll(taken);
                batch.addAll(taken);
                Duration life = Duration.ofMillis(3_000 + random.nextInt(9_000));
                sendWhileAlive(batch, life, random);
                System.out.printf("[crash] kill %d after %d ms: %d requests sent, %d unanswered%n", round,
                        life.toMillis(), batch.size(), batch.stream().filter(r -> !r.settled()).count());
                run.kill();
                keepTerminal(run, round);
            }

            // --- the last start: what got no answer is sent again; then it runs its course
            run = start(ports, data);
            for (int attempt = 0; attempt < 10 && !script.stream().allMatch(ScriptedRequest::settled); attempt++) {
                script.stream().filter(r -> !r.settled()).forEach(r -> r.sendOnce(client));
                if (!script.stream().allMatch(ScriptedRequest::settled)) {
                    Thread.sleep(2_000);
                }
            }
            for (ScriptedRequest request : script) {
                assertThat(request.answer().status()).as(request.name() + ": " + request.answer().text())
                        .isEqualTo(202);
            }
            List<ScriptedRequest> all = new ArrayList<>(warmUp);
            all.addAll(script);
            long settleStarted = System.nanoTime();
            awaitSettled(staff, all);
            System.out.printf("[crash] settled %d s after the last start%n",
                    (System.nanoTime() - settleStarted) / 1_000_000_000L);

            assertEndStates(staff, all);
            assertNoBackendThingOnTwoServices(staff, all);
            assertThat(queues()).as("nothing lost to a dead-letter queue")
                    .allSatisfy(q -> assertThat(q.path("deadLetters").asInt()).as(q.toString()).isZero());
            assertNoMailTwice();
            assertReplaysAnswerTheSame(all);
            assertNoLockLeft(staff, customers, all);
        } finally {
            run.close();
            keepTerminal(run, KILLS + 1);
        }
    }

    /** What each run printed (with --verbose, every function's log lines), in target/crash-runs/, to read a failure. */
    private static void keepTerminal(LaptopProcess run, int number) {
        try {
            Path dir = Path.of("target", "crash-runs");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve("run-" + number + ".log"), run.output() + "\n" + run.errors());
        } catch (java.io.IOException e) {
            System.out.println("[crash] could not keep run " + number + "'s terminal: " + e);
        }
    }

    // ---------------------------------------------------------------------------------------------- the script

    private List<ScriptedRequest> warmUpOrders(List<String> customers, Map<String, List<String>> os) {
        List<ScriptedRequest> orders = new ArrayList<>();
        orders.add(order("warm-00", customers, 0, "ded-e2388g", os, null));
        orders.add(order("warm-01", customers, 1, "ded-ryzen-7950x", os, null));
        for (int i = 2; i <= 11; i++) {
            orders.add(order(String.format("warm-%02d", i), customers, i, "vps-m", os, i <= 4 ? "55227" : null));
        }
        for (int i = 12; i <= 19; i++) {
            orders.add(order(String.format("warm-%02d", i), customers, i, "vps-ams", os, null));
        }
        return orders;
    }

    /** 6 dedicated servers (the rest of the demo stock), 44 VPS over three products, 8 with a licence. */
    private List<ScriptedRequest> chaosOrders(List<String> customers, Map<String, List<String>> os) {
        List<ScriptedRequest> orders = new ArrayList<>();
        String[] dedicated = {"ded-e2388g", "ded-e2388g", "ded-e2388g", "ded-ryzen-7950x", "ded-epyc-9354p",
                "ded-epyc-9354p"};
        for (int i = 0; i < 50; i++) {
            String product = i < 6 ? dedicated[i] : i < 32 ? "vps-m" : i < 42 ? "vps-ams" : "vps-spare";
            boolean licence = i == 0 || (i >= 6 && i < 13);
            orders.add(order(String.format("order-%02d", i), customers, i, product, os, licence ? "55227" : null));
        }
        return orders;
    }

    private ScriptedRequest order(String name, List<String> customers, int i, String product,
                                  Map<String, List<String>> os, String controlPanel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("productId", product);
        body.put("billingCycle", "monthly");
        body.put("hostname", name + ".crash.example.com");
        body.put("os", os.get(product).getFirst());
        if (controlPanel != null) {
            body.put("options", Map.of("controlPanel", controlPanel));
        }
        return ScriptedRequest.order(name, customers.get(i % customers.size()), Json.write(body));
    }

    /** One operation on each warm-up service: 6 suspensions, 6 reinstalls, 4 resizes, 4 terminations. */
    private List<ScriptedRequest> operations(List<ScriptedRequest> warmUp, String staff, List<String> customers,
                                             Map<String, List<String>> os) {
        List<ScriptedRequest> operations = new ArrayList<>();
        for (int i = 0; i < warmUp.size(); i++) {
            ScriptedRequest target = warmUp.get(i);
            String service = "/v1/services/" + target.serviceId();
            String admin = "/v1/admin/services/" + target.serviceId();
            String customer = customers.get(i % customers.size());
            String kind = switch (i) {
                case 0, 3, 5, 6, 12, 13 -> "suspend";
                case 1, 4, 7, 8, 14, 15 -> "reinstall";
                case 9, 10, 16, 17 -> "resize";
                default -> "terminate";
            };
            String product = Json.read(target.body(), JsonNode.class).path("productId").asText();
            operations.add(switch (kind) {
                case "suspend" -> ScriptedRequest.operation(kind, target, admin + "/suspend", staff,
                        "{\"reason\":\"invoice unpaid (crash test)\"}");
                case "terminate" -> ScriptedRequest.operation(kind, target, admin + "/terminate", staff, "{}");
                case "reinstall" -> ScriptedRequest.operation(kind, target, service + "/reinstall", customer,
                        Json.write(Map.of("osTemplateId", os.get(product).getLast())));
                default -> ScriptedRequest.operation(kind, target, service + "/resize", customer,
                        "{\"cpuNumber\":4,\"ramMib\":8192,\"diskMib\":102400}");
            });
        }
        return operations;
    }

    // ---------------------------------------------------------------------------------------------- driving

    private LaptopProcess start(LaptopProcess.Ports ports, Path data) {
        long started = System.nanoTime();
        LaptopProcess run = LaptopProcess.start(ports, "--data-dir", data.toString(), "--verbose").awaitReady(START);
        client.pointAt(run.apiUri());
        String released = run.output().lines().filter(l -> l.contains("being handled again"))
                .findFirst().map(String::strip).orElse("nothing was in flight");
        System.out.printf("[crash] started in %d ms; %s%n", (System.nanoTime() - started) / 1_000_000, released);
        return run;
    }

    /** Sends {@code batch} spread over {@code life}, from several threads; what is not sent when it ends waits. */
    private void sendWhileAlive(List<ScriptedRequest> batch, Duration life, Random random) throws Exception {
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(6);
        try {
            List<ScheduledFuture<?>> sent = new ArrayList<>();
            long spread = life.toMillis();
            for (ScriptedRequest request : batch) {
                sent.add(senders.schedule(() -> request.sendOnce(client), random.nextLong(Math.max(1, spread)),
                        TimeUnit.MILLISECONDS));
            }
            Thread.sleep(life.toMillis());
        } finally {
            // what has not gone yet is not sent to a dying process; what is on its way meets the kill
            senders.shutdownNow();
            senders.awaitTermination(40, TimeUnit.SECONDS);
        }
    }

    private void awaitStatuses(String staff, List<ScriptedRequest> orders, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, String> statuses = Map.of();
        while (System.nanoTime() < deadline) {
            statuses = orders.stream().collect(Collectors.toMap(ScriptedRequest::name,
                    r -> service(staff, r.serviceId()).path("status").asText()));
            if (statuses.values().stream().allMatch("ACTIVE"::equals)) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("the warm-up services were not all ACTIVE within " + within + ": " + statuses);
    }

    /** Until every service and operation has ended and the work queues are empty: the system has run its course. */
    private void awaitSettled(String staff, List<ScriptedRequest> all) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            List<String> open = new ArrayList<>();
            for (ScriptedRequest request : all) {
                if (request.isOrder()) {
                    String status = service(staff, request.serviceId()).path("status").asText();
                    if (status.equals("PENDING") || status.equals("PROVISIONING")) {
                        open.add(request.name() + " " + status);
                    }
                } else {
                    String status = operation(staff, request).path("status").asText();
                    if (status.equals("QUEUED") || status.equals("RUNNING")) {
                        open.add(request.name() + " " + status);
                    }
                }
            }
            for (JsonNode queue : queues()) {
                int work = queue.path("visible").asInt() + queue.path("inFlight").asInt() + queue.path("delayed").asInt();
                if (WORK_QUEUES.contains(queue.path("queue").asText()) && work > 0) {
                    open.add(queue.path("queue").asText() + " queue " + work);
                }
            }
            if (open.isEmpty()) {
                return;
            }
            String now = open.size() + " open: " + open.subList(0, Math.min(8, open.size()));
            if (!now.equals(last)) {
                System.out.println("[crash] " + now);
                last = now;
            }
            Thread.sleep(2_000);
        }
        StringBuilder steps = new StringBuilder();
        for (ScriptedRequest request : all) {
            String serviceId = request.serviceId();
            JsonNode history = client.get("/v1/admin/services/" + serviceId, staff);
            String status = history.path("service").path("status").asText();
            if (request.isOrder() && (status.equals("PENDING") || status.equals("PROVISIONING"))) {
                steps.append('\n').append(request.name()).append(' ').append(serviceId).append(": ")
                        .append(history.path("provisioningSteps"));
            }
        }
        throw new AssertionError("not settled within " + SETTLE + ": " + last + steps);
    }

    // ---------------------------------------------------------------------------------------------- the checks

    private void assertEndStates(String staff, List<ScriptedRequest> all) {
        Map<String, ScriptedRequest> operationOf = new HashMap<>();
        all.stream().filter(r -> !r.isOrder()).forEach(r -> operationOf.put(r.target().name(), r));
        List<JsonNode> staffMails = mails(STAFF_EMAIL);
        Map<String, String> problems = new LinkedHashMap<>();
        for (ScriptedRequest order : all.stream().filter(ScriptedRequest::isOrder).toList()) {
            String serviceId = order.serviceId();
            JsonNode service = service(staff, serviceId);
            String status = service.path("status").asText();
            ScriptedRequest operation = operationOf.get(order.name());
            String expected = operation == null ? "ACTIVE" : switch (operation.kind()) {
                case "suspend" -> "SUSPENDED";
                case "terminate" -> "TERMINATED";
                default -> "ACTIVE";
            };
            boolean staffTold = staffMails.stream().anyMatch(m -> m.toString().contains(serviceId));
            if (!status.equals(expected) && !(status.equals("FAILED") && staffTold)) {
                problems.put(order.name(), status + " (" + service.path("statusReason").asText() + "), expected "
                        + expected + (staffTold ? "" : "; staff not told"));
            }
            if (operation != null) {
                JsonNode ended = operation(staff, operation);
                String operationStatus = ended.path("status").asText();
                if (!operationStatus.equals("SUCCEEDED") && !staffTold) {
                    problems.put(operation.name(), operationStatus + " and staff not told: " + ended);
                }
            }
        }
        assertThat(problems).as("services and operations not where their story ends").isEmpty();
    }

    private void assertNoBackendThingOnTwoServices(String staff, List<ScriptedRequest> all) {
        Map<String, String> statusOf = new HashMap<>();
        Map<String, ScriptedRequest> orderOf = new HashMap<>();
        for (ScriptedRequest order : all.stream().filter(ScriptedRequest::isOrder).toList()) {
            statusOf.put(order.serviceId(), service(staff, order.serviceId()).path("status").asText());
            orderOf.put(order.serviceId(), order);
        }
        Map<String, String> simulators = new HashMap<>();
        client.get("/local/simulators", null).properties().forEach(e -> simulators.put(e.getKey(),
                e.getValue().asText()));

        // VMs: the one of each live VPS service carries its id; none for a terminated one, none unaccounted for
        JsonNode vmState = Json.read(fetch(simulators.get("vmmanager6") + "/_simulator/state"), JsonNode.class);
        Map<String, Long> vmsPerService = StreamSupport.stream(vmState.path("hosts").spliterator(), false)
                .collect(Collectors.groupingBy(h -> h.path("comment").asText(), Collectors.counting()));
        for (var entry : statusOf.entrySet()) {
            boolean vps = Json.read(orderOf.get(entry.getKey()).body(), JsonNode.class).path("productId").asText()
                    .startsWith("vps");
            long expected = vps && Set.of("ACTIVE", "SUSPENDED").contains(entry.getValue()) ? 1 : 0;
            assertThat(vmsPerService.getOrDefault(entry.getKey(), 0L)).as("VMs of " + entry.getKey() + " ("
                    + orderOf.get(entry.getKey()).name() + ", " + entry.getValue() + ")").isEqualTo(expected);
        }
        assertThat(vmsPerService.keySet()).as("no VM for a service Hostwright does not have")
                .allMatch(statusOf::containsKey);

        // dedicated servers: each live service's hostname on exactly one server, the terminated ones' on none
        JsonNode tenantOs = Json.read(fetch(simulators.get("tenantos") + "/_simulator/state"), JsonNode.class);
        Map<String, Long> serversPerHostname = StreamSupport.stream(tenantOs.path("servers").spliterator(), false)
                .collect(Collectors.groupingBy(s -> s.path("hostname").asText(), Collectors.counting()));
        for (var entry : statusOf.entrySet()) {
            JsonNode body = Json.read(orderOf.get(entry.getKey()).body(), JsonNode.class);
            if (body.path("productId").asText().startsWith("ded")) {
                long expected = Set.of("ACTIVE", "SUSPENDED").contains(entry.getValue()) ? 1 : 0;
                assertThat(serversPerHostname.getOrDefault(body.path("hostname").asText(), 0L))
                        .as("servers named for " + orderOf.get(entry.getKey()).name()).isEqualTo(expected);
            }
        }

        // licences: named for their service, one per live service that bought one, each on its own IP
        JsonNode licences = Json.read(fetch(simulators.get("billmanager-licences") + "/_simulator/licences"),
                JsonNode.class);
        Map<String, Long> licencesPerService = new HashMap<>();
        Map<String, Long> licencesPerIp = new HashMap<>();
        for (JsonNode licence : licences) {
            String text = licence.toString();
            statusOf.keySet().stream().filter(text::contains)
                    .forEach(id -> licencesPerService.merge(id, 1L, Long::sum));
            String ip = licence.path("ip").asText();
            if (!ip.isBlank() && !ip.equals("0.0.0.0")) {
                licencesPerIp.merge(ip, 1L, Long::sum);
            }
        }
        for (var entry : statusOf.entrySet()) {
            boolean bought = orderOf.get(entry.getKey()).body().contains("controlPanel");
            long expected = bought && Set.of("ACTIVE", "SUSPENDED").contains(entry.getValue()) ? 1 : 0;
            assertThat(licencesPerService.getOrDefault(entry.getKey(), 0L)).as("licences held for "
                    + orderOf.get(entry.getKey()).name() + " (" + entry.getValue() + ")").isEqualTo(expected);
        }
        assertThat(licencesPerIp).as("no two licences on one IP").allSatisfy((ip, n) -> assertThat(n).isOne());
    }

    private void assertNoMailTwice() {
        List<JsonNode> all = mails(null);
        Map<String, Long> copies = all.stream().collect(Collectors.groupingBy(
                m -> m.path("to").toString() + " " + m.path("subject").asText() + " " + m.path("text").asText(),
                Collectors.counting()));
        assertThat(copies).as("every e-mail once (" + all.size() + " sent)")
                .allSatisfy((mail, n) -> assertThat(n).as(mail).isOne());
        Map<String, Long> subjects = all.stream().filter(m -> !m.path("to").toString().contains(STAFF_EMAIL))
                .collect(Collectors.groupingBy(m -> m.path("to").toString() + " " + m.path("subject").asText(),
                        Collectors.counting()));
        assertThat(subjects).as("no customer told the same thing twice")
                .allSatisfy((subject, n) -> assertThat(n).as(subject).isOne());
    }

    private void assertReplaysAnswerTheSame(List<ScriptedRequest> all) {
        for (ScriptedRequest request : all) {
            LaptopClient.Answer first = request.answer();
            request.sendOnce(client);
            LaptopClient.Answer replay = request.answers().getLast();
            assertThat(replay.status()).as(request.name() + " replayed: " + replay.text()).isEqualTo(first.status());
            for (String field : List.of("orderId", "serviceId", "operationId")) {
                assertThat(replay.body().path(field).asText()).as(request.name() + " " + field)
                        .isEqualTo(first.body().path(field).asText());
            }
        }
    }

    /** The next action on each service is accepted: no operation kept its lock. */
    private void assertNoLockLeft(String staff, List<String> customers, List<ScriptedRequest> all) throws Exception {
        for (ScriptedRequest order : all.stream().filter(ScriptedRequest::isOrder).toList()) {
            String serviceId = order.serviceId();
            String status = service(staff, serviceId).path("status").asText();
            String key = "after-" + order.name();
            LaptopClient.Answer answer = switch (status) {
                case "ACTIVE" -> client.send("POST", "/v1/services/" + serviceId + "/power", order.token(), key,
                        "{\"action\":\"reset\"}");
                case "SUSPENDED" -> client.send("POST", "/v1/admin/services/" + serviceId + "/unsuspend", staff,
                        key, "{}");
                default -> null;
            };
            if (answer != null) {
                assertThat(answer.status()).as(order.name() + " (" + status + "): " + answer.text()).isIn(200, 202);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- reading

    private void addVpsProduct(String staff, String productId, int clusterId, int pool) {
        ObjectNode product = (ObjectNode) client.get("/v1/admin/products/vps-m", staff).deepCopy();
        product.put("productId", productId);
        product.put("name", "VPS M (" + productId + ")");
        ObjectNode settings = (ObjectNode) product.path("moduleSettings");
        settings.put("clusterId", clusterId);
        settings.putArray("ipv4Pools").add(pool);
        List.of("version", "createdAt", "updatedAt", "offeredOsTemplates", "stock").forEach(product::remove);
        client.expect(201, "POST", "/v1/admin/products", staff, Json.write(product));
    }

    /** Each product's offered OS template ids, as the catalog shows them. */
    private Map<String, List<String>> offeredOs() {
        Map<String, List<String>> os = new HashMap<>();
        for (JsonNode product : client.get("/v1/catalog/products", null).path("products")) {
            os.put(product.path("productId").asText(), product.path("osTemplates").findValuesAsText("id"));
        }
        return os;
    }

    private JsonNode service(String staff, String serviceId) {
        return client.get("/v1/admin/services/" + serviceId, staff).path("service");
    }

    private JsonNode operation(String staff, ScriptedRequest operation) {
        return client.get("/v1/admin/services/" + operation.serviceId() + "/operations/" + operation.operationId(),
                staff);
    }

    private List<JsonNode> queues() {
        List<JsonNode> queues = new ArrayList<>();
        client.get("/local/queues", null).forEach(queues::add);
        return queues;
    }

    private List<JsonNode> mails(String to) {
        List<JsonNode> mails = new ArrayList<>();
        client.get("/local/emails" + (to == null ? "" : "?to=" + to), null).forEach(mails::add);
        return mails;
    }

    private String fetch(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new AssertionError("GET " + url + ": " + e, e);
        }
    }
}
