package io.hostwright.local;

import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.SentEmail;
import io.hostwright.local.gateway.LocalEndpoint;
import io.hostwright.local.schedule.LocalScheduler;
import io.hostwright.local.schedule.ScheduleRun;

import java.util.List;

/**
 * The runtime's {@code /local/} routes beyond tokens: the mail the SES emulator holds, and the schedules with a way
 * to run one now. Laptop only: nothing here exists in AWS.
 */
final class LaptopHelpers {

    private LaptopHelpers() {
    }

    static List<LocalEndpoint> of(LocalAws aws, LocalScheduler scheduler) {
        return List.of(
                LocalEndpoint.of("GET", "/local/emails", request -> LocalEndpoint.Reply.json(200,
                        emails(aws, request.query().get("to")))),
                LocalEndpoint.of("DELETE", "/local/emails", request -> {
                    aws.clearEmails();
                    return new LocalEndpoint.Reply(204, "application/json", null);
                }),
                LocalEndpoint.of("GET", "/local/schedules", request -> LocalEndpoint.Reply.json(200,
                        scheduler.schedules())),
                LocalEndpoint.of("POST", "/local/schedules/{function}/run", request -> runNow(scheduler,
                        request.pathParameters().get("function"))));
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
