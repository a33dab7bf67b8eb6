package io.hostwright.lambda.telemetry;

import com.amazonaws.services.lambda.runtime.Context;
import io.hostwright.lambda.FunctionEnvironment;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Powertools without AspectJ: structured JSON logs carrying the Lambda context, and EMF metrics flushed after
 * every invocation that added one. One per function, built in the handler's constructor.
 *
 * <p>An invocation that added no metric (a read, a replay, a batch with nothing to count) flushes nothing: Powertools
 * would otherwise log "No metrics were emitted" as a warning, once per such invocation, in Lambda and on the laptop.
 */
public final class Telemetry {

    private final AtomicBoolean emitted = new AtomicBoolean();
    private final Metrics metrics;

    public Telemetry() {
        this.metrics = new Noting(MetricsBuilder.builder()
                .withNamespace(FunctionEnvironment.orDefault("POWERTOOLS_METRICS_NAMESPACE", "Hostwright"))
                .withService(FunctionEnvironment.orDefault("POWERTOOLS_SERVICE_NAME", "hostwright"))
                .build(), emitted);
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Runs one invocation with logging context set and its metrics flushed afterwards, whatever happens. */
    public <T> T invocation(Context context, Supplier<T> work) {
        try {
            return PowertoolsLogging.withLogging(context, work);
        } finally {
            if (emitted.getAndSet(false)) {
                metrics.flush();
            }
        }
    }

    /** Powertools' metrics, noting whether a metric was added since the last flush. */
    private record Noting(Metrics delegate, AtomicBoolean emitted) implements Metrics {

        @Override
        public void addMetric(String key, double value, MetricUnit unit, MetricResolution resolution) {
            delegate.addMetric(key, value, unit, resolution);
            emitted.set(true);
        }

        @Override
        public void addDimension(DimensionSet dimensionSet) {
            delegate.addDimension(dimensionSet);
        }

        @Override
        public void setTimestamp(Instant timestamp) {
            delegate.setTimestamp(timestamp);
        }

        @Override
        public void addMetadata(String key, Object value) {
            delegate.addMetadata(key, value);
        }

        @Override
        public void setDefaultDimensions(DimensionSet dimensionSet) {
            delegate.setDefaultDimensions(dimensionSet);
        }

        @Override
        public DimensionSet getDefaultDimensions() {
            return delegate.getDefaultDimensions();
        }

        @Override
        public void setNamespace(String namespace) {
            delegate.setNamespace(namespace);
        }

        @Override
        public void setRaiseOnEmptyMetrics(boolean raiseOnEmptyMetrics) {
            delegate.setRaiseOnEmptyMetrics(raiseOnEmptyMetrics);
        }

        @Override
        public void clearDefaultDimensions() {
            delegate.clearDefaultDimensions();
        }

        @Override
        public void flush() {
            emitted.set(false);
            delegate.flush();
        }

        @Override
        public void captureColdStartMetric(Context context, DimensionSet dimensions) {
            delegate.captureColdStartMetric(context, dimensions);
        }

        @Override
        public void captureColdStartMetric(DimensionSet dimensions) {
            delegate.captureColdStartMetric(dimensions);
        }

        @Override
        public void flushMetrics(Consumer<Metrics> metricsConsumer) {
            delegate.flushMetrics(metricsConsumer);
        }
    }
}
