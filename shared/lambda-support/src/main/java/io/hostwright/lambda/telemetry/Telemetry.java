package io.hostwright.lambda.telemetry;

import com.amazonaws.services.lambda.runtime.Context;
import io.hostwright.lambda.FunctionEnvironment;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;

import java.util.function.Supplier;

/**
 * Powertools without AspectJ: structured JSON logs carrying the Lambda context, and EMF metrics flushed after
 * every invocation. One per function, built in the handler's constructor.
 */
public final class Telemetry {

    private final Metrics metrics;

    public Telemetry() {
        this.metrics = MetricsBuilder.builder()
                .withNamespace(FunctionEnvironment.orDefault("POWERTOOLS_METRICS_NAMESPACE", "Hostwright"))
                .withService(FunctionEnvironment.orDefault("POWERTOOLS_SERVICE_NAME", "hostwright"))
                .build();
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Runs one invocation with logging context set and metrics flushed afterwards, whatever happens. */
    public <T> T invocation(Context context, Supplier<T> work) {
        try {
            return PowertoolsLogging.withLogging(context, work);
        } finally {
            metrics.flush();
        }
    }
}
