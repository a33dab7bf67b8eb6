package io.hostwright.local;

import com.amazonaws.services.lambda.runtime.Context;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Powertools metrics that go nowhere: on the laptop without {@code --verbose}, CloudWatch's embedded-metric JSON
 * printed after every invocation is noise (nothing collects it). {@code --verbose} keeps the real ones.
 */
final class QuietMetrics implements Metrics {

    private DimensionSet defaultDimensions = DimensionSet.of(java.util.Map.of());

    @Override
    public void addMetric(String key, double value, MetricUnit unit, MetricResolution resolution) {
    }

    @Override
    public void addDimension(DimensionSet dimensionSet) {
    }

    @Override
    public void setTimestamp(Instant timestamp) {
    }

    @Override
    public void addMetadata(String key, Object value) {
    }

    @Override
    public void setDefaultDimensions(DimensionSet dimensionSet) {
        defaultDimensions = dimensionSet;
    }

    @Override
    public DimensionSet getDefaultDimensions() {
        return defaultDimensions;
    }

    @Override
    public void setNamespace(String namespace) {
    }

    @Override
    public void setRaiseOnEmptyMetrics(boolean raiseOnEmptyMetrics) {
    }

    @Override
    public void clearDefaultDimensions() {
        defaultDimensions = DimensionSet.of(java.util.Map.of());
    }

    @Override
    public void flush() {
    }

    @Override
    public void captureColdStartMetric(Context context, DimensionSet dimensions) {
    }

    @Override
    public void captureColdStartMetric(DimensionSet dimensions) {
    }

    @Override
    public void flushMetrics(Consumer<Metrics> metricsConsumer) {
    }
}
