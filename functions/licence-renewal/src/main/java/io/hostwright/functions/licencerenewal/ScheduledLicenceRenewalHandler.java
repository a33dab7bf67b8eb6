package io.hostwright.functions.licencerenewal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.hostwright.backends.Backends;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.licence.RenewLicences;
import io.hostwright.domain.licence.RenewalReport;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.lambda.telemetry.Telemetry;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsClients;
import io.hostwright.sqs.SqsQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.time.Clock;
import java.util.List;

/**
 * EventBridge once a day → {@link RenewLicences}: every licence connection's run, one report mail to staff per
 * connection that renewed, released or failed something. A licence server that fails is in its report (and asked
 * again tomorrow); only a failure of our own storage fails the invocation, which EventBridge retries — a repeated
 * run renews nothing twice.
 */
public final class ScheduledLicenceRenewalHandler implements RequestHandler<ScheduledEvent, LicenceRenewalRun> {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledLicenceRenewalHandler.class);

    private final RenewLicences renew;
    private final Clock clock;
    private final Telemetry telemetry;

    public ScheduledLicenceRenewalHandler() {
        this(wired(Clock.systemUTC()), Clock.systemUTC());
    }

    public ScheduledLicenceRenewalHandler(RenewLicences renew, Clock clock) {
        this.renew = renew;
        this.clock = clock;
        this.telemetry = new Telemetry();
    }

    private static RenewLicences wired(Clock clock) {
        DynamoDbClient dynamo = DynamoDbClients.fromEnvironment();
        String table = FunctionEnvironment.require(Manifest.TABLE_VARIABLE);
        String credentials = FunctionEnvironment.require(Manifest.CREDENTIALS_TABLE_VARIABLE);
        MailQueue mail = SqsQueues.mail(SqsClients.fromEnvironment());
        BackendRegistry backends = Backends.on(dynamo, table, credentials, mail, Backends.keysFromEnvironment(),
                Backends.BACKOFF, clock);
        return Backends.renewLicences(dynamo, table, credentials, backends, mail, clock);
    }

    @Override
    public LicenceRenewalRun handleRequest(ScheduledEvent event, Context context) {
        return telemetry.invocation(context, () -> {
            String runId = event != null && event.getId() != null ? event.getId() : clock.instant().toString();
            List<RenewalReport> reports = renew.runAll(runId);
            LicenceRenewalRun run = LicenceRenewalRun.of(runId, reports);
            telemetry.metrics().addMetric("LicencesRenewed", run.renewed(), MetricUnit.COUNT);
            telemetry.metrics().addMetric("LicenceRenewalsFailed", run.failed(), MetricUnit.COUNT);
            LOG.info("licence renewal {}: {} connections, {} renewed, {} failed, {} released", runId,
                    reports.size(), run.renewed(), run.failed(), run.released());
            return run;
        });
    }
}
