package io.hostwright.local;

import io.hostwright.emulators.LocalAws;
import io.hostwright.local.gateway.ApiRoute;
import io.hostwright.local.schedule.ScheduledFunction;
import io.hostwright.local.sqs.SqsPoller;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.QueueSpec;

import java.util.Set;
import java.util.stream.Collectors;

/** What the one command prints once everything listens: where things are and a demo to paste into a terminal. */
final class StartupBanner {

    private StartupBanner() {
    }

    static String text(LocalRuntime runtime) {
        LocalAws aws = runtime.aws();
        String api = runtime.apiUri().toString();
        StringBuilder out = new StringBuilder();
        out.append("\n  Hostwright is running on this laptop (started in ")
                .append(runtime.startupTime().toMillis()).append(" ms, emulators ")
                .append(aws.startupTime().toMillis()).append(" ms). Ctrl-C stops everything.\n\n");
        out.append("  HTTP API        ").append(api).append("   (its document: ").append(api)
                .append("/docs)\n");
        out.append("  Data folder     ").append(runtime.dataFolder()
                .map(folder -> folder + (runtime.seededThisStart() ? "   (new: the demo seed was loaded)"
                        : "   (kept from the last run)") + "\n"
                        + "                  kept across restarts; --fresh empties it, --data-dir moves it")
                .orElse("none: in memory, nothing is kept (--in-memory)")).append('\n');
        if (aws.messagesReleasedAtStart() > 0) {
            out.append("                  ").append(aws.messagesReleasedAtStart())
                    .append(" queued step(s) the last run was handling when it ended are being handled again now\n");
        }
        out.append("  DynamoDB Local  ").append(aws.dynamoDbEndpoint()).append("   table ").append(aws.tableName())
                .append(", ").append(runtime.seededProducts().size())
                .append(runtime.seededThisStart() ? " demo products\n" : " products in the catalog\n");
        out.append("  SQS (ElasticMQ) ").append(aws.sqsEndpoint()).append('\n');
        for (QueueSpec queue : Manifest.QUEUES) {
            out.append("                  ").append(aws.queueUrl(queue.name())).append("  (DLQ ")
                    .append(queue.deadLetterName()).append(")\n");
        }
        out.append("  SES emulator    ").append(aws.sesEndpoint()).append("   (web page of sent mail)\n");
        runtime.simulators().forEach((backend, simulator) -> out.append(String.format("  %-15s ", backend + " (sim)"))
                .append(simulator.baseUrl()).append("   state and faults at ").append(simulator.baseUrl())
                .append("/_simulator/state\n"));
        if (runtime.dataFolder().isEmpty() && !runtime.simulators().isEmpty()) {
            out.append("                  (simulators start from their demo stock)\n");
        }
        if (!runtime.simulators().isEmpty()) {
            out.append("                  (all of them: GET ").append(api).append("/local/simulators)\n");
        }
        out.append('\n');

        out.append("  Routes\n");
        for (ApiRoute route : runtime.gateway().routes().routes()) {
            out.append(String.format("    %-6s %-36s %-9s → %s%n", route.route().method(), route.route().path(),
                    route.route().access(), route.function().name()));
        }
        for (SqsPoller poller : runtime.pollers()) {
            out.append("    queue  ").append(poller.queueUrl().substring(poller.queueUrl().lastIndexOf('/') + 1))
                    .append(" → ").append(poller.function().name()).append('\n');
        }
        for (ScheduledFunction schedule : runtime.scheduler().schedules()) {
            out.append("    ").append(schedule.expression()).append(" → ").append(schedule.function())
                    .append("  (run now: curl -X POST ").append(api).append("/local/schedules/")
                    .append(schedule.function()).append("/run)\n");
        }
        runtime.warnings().forEach(w -> out.append("\n  WARNING ").append(w).append('\n'));
        out.append('\n').append(demo(runtime, api));
        return out.toString();
    }

    private static String demo(LocalRuntime runtime, String api) {
        Set<String> routeKeys = runtime.gateway().routes().routes().stream()
                .map(r -> r.route().routeKey()).collect(Collectors.toSet());
        String product = runtime.seededProducts().isEmpty() ? "ded-e2388g" : runtime.seededProducts().getFirst().productId();
        String os = runtime.seededProducts().isEmpty() ? "debian-12"
                : runtime.seededProducts().getFirst().osTemplates().getFirst().id();
        StringBuilder demo = new StringBuilder("  Try it\n");
        demo.append("    # a customer token (staff: add \"scope\":\"admin\")\n")
                .append("    TOKEN=$(curl -s -X POST ").append(api).append("/local/token \\\n")
                .append("      -d '{\"sub\":\"alice\",\"email\":\"alice@example.com\"}' | sed -E 's/.*\"token\":\"([^\"]+)\".*/\\1/')\n");
        if (routeKeys.contains("GET /v1/catalog/products")) {
            demo.append("    # the catalog\n")
                    .append("    curl -s ").append(api).append("/v1/catalog/products\n");
        }
        if (routeKeys.contains("POST /v1/orders")) {
            demo.append("    # place an order (202 with orderId; the same Idempotency-Key replays it)\n")
                    .append("    curl -s -X POST ").append(api).append("/v1/orders -H \"Authorization: Bearer $TOKEN\" \\\n")
                    .append("      -H 'Idempotency-Key: demo-1' -H 'Content-Type: application/json' \\\n")
                    .append("      -d '{\"productId\":\"").append(product).append("\",\"billingCycle\":\"monthly\",")
                    .append("\"hostname\":\"web1.example.com\",\"os\":\"").append(os).append("\"}'\n");
        }
        if (routeKeys.contains("GET /v1/orders/{orderId}")) {
            demo.append("    # read it\n")
                    .append("    curl -s ").append(api).append("/v1/orders/<orderId> -H \"Authorization: Bearer $TOKEN\"\n");
        }
        if (routeKeys.contains("GET /v1/services")) {
            demo.append("    curl -s ").append(api).append("/v1/services -H \"Authorization: Bearer $TOKEN\"\n");
        }
        demo.append("    # the e-mails sent so far (?to=alice@example.com to filter)\n")
                .append("    curl -s ").append(api).append("/local/emails\n");
        return demo.toString();
    }
}
