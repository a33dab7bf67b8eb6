package io.hostwright.local;

import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.SentEmail;
import io.hostwright.json.Json;
import io.hostwright.local.function.FunctionInvocationException;
import io.hostwright.local.function.LocalFunction;
import io.hostwright.local.gateway.LocalEndpoint;
import io.hostwright.local.schedule.LocalScheduler;
import io.hostwright.local.schedule.ScheduleRun;
import io.hostwright.simulators.BackendSimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runtime's {@code /local/} routes beyond tokens: the mail the SES emulator holds, each queue's depth and dead
 * letters, the schedules with a way
 * to run one now, invoking any function with a sample event, and the back-end simulators it started (to drive their
 * stock and faults from outside). Laptop only: nothing here exists in AWS.
 */
final class LaptopHelpers {

    private LaptopHelpers() {
    }

    static List<LocalEndpoint> of(LocalAws aws, LocalScheduler scheduler, List<LocalFunction> functions,
                                  Map<String, BackendSimulator> simulators) {
        return List.of(
                LocalEndpoint.of("GET", "/local/simulators", request -> LocalEndpoint.Reply.json(200,
                        simulatorUrls(simulators))),
                LocalEndpoint.of("GET", "/local/emails", request -> LocalEndpoint.Reply.json(200,
                        emails(aws, request.query().get("to")))),
                LocalEndpoint.of("DELETE", "/local/emails", request -> {
                    aws.clearEmails();
                    return new LocalEndpoint.Reply(204, "application/json", null);
                }),
                LocalEndpoint.of("GET", "/local/queues", request -> LocalEndpoint.Reply.json(200,
                        QueueDepths.of(aws))),
                LocalEndpoint.of("GET", "/local/schedules", request -> LocalEndpoint.Reply.json(200,
                        scheduler.schedules())),
                LocalEndpoint.of("POST", "/local/schedules/{function}/run", request -> runNow(scheduler,
                        request.pathParameters().get("function"))),
                LocalEndpoint.of("POST", "/local/invoke/{function}", request -> invoke(functions,
                        request.pathParameters().get("function"), request.body())));
    }

    /** Back-end name → base URL, e.g. {@code {"tenantos": "http://127.0.0.1:41234"}}. */
    private static Map<String, String> simulatorUrls(Map<String, BackendSimulator> simulators) {
        Map<String, String> urls = new TreeMap<>();
        simulators.forEach((backend, simulator) -> urls.put(backend, simulator.baseUrl()));
        return urls;
    }

    /** Invokes a function with the event in the body, e.g. {@code --data @events/api-get-services.json}. */
    private static LocalEndpoint.Reply invoke(List<LocalFunction> functions, String name, byte[] body) {
        LocalFunction function = functions.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        if (function == null) {
            return LocalEndpoint.Reply.notFound("no function named " + name + "; the manifest has "
                    + functions.stream().map(LocalFunction::name).toList());
        }
        String json = new String(body, StandardCharsets.UTF_8);
        try {
            Json.MAPPER.readTree(json);
        } catch (IOException e) {
            return LocalEndpoint.Reply.invalid("body", "must be the event as JSON");
        }
        try {
            return LocalEndpoint.Reply.json(200, Json.MAPPER.readTree(function.invokeJson(json)));
        } catch (FunctionInvocationException e) {
            return LocalEndpoint.Reply.json(500, Map.of("function", name, "error", e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every mail, or those addressed (To, Cc, Bcc) to {@code to}. */
    private static List<SentEmail> emails(LocalAws aws, String to) {
        List<SentEmail> all = aws.sentEmails();
        return to == null || to.isBlank() ? all : all.stream().filter(mail -> mail.isAddressedTo(to)).toList();
    }

    /** 200 with the run when the function succeeded, 500 with the run (and its error) when it failed. */
    private static LocalEndpoint.Reply runNow(LocalScheduler scheduler, String function) {
        if (scheduler.schedules().stream().noneMatch(s -> s.function().equals(function))) {
            return LocalEndpoint.Reply.notFound("no scheduled function named " + function + "; GET /local/schedules "
                    + "lists them");
        }
        ScheduleRun run = scheduler.runNow(function);
        return LocalEndpoint.Reply.json(run.succeeded() ? 200 : 500, run);
    }
}
