package io.hostwright.benchmark.usage;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts every AWS call of the clients it is added to, by {@code Service.Operation} (e.g. {@code DynamoDb.GetItem}). */
public final class CallCounter implements ExecutionInterceptor {

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    public Map<String, Long> byOperation() {
        Map<String, Long> counts = new TreeMap<>();
        calls.forEach((operation, n) -> counts.put(operation, n.sum()));
        return counts;
    }

    public void reset() {
        calls.clear();
    }
}
