package io.hostwright.benchmark.provisioning;

import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.Manifest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * AWS calls of this JVM split by the function that made them, told apart by the thread they run on: the laptop
 * runtime invokes queue consumers on {@code sqs-<function>-N}, API functions on {@code local-gateway-N} and scheduled
 * ones on {@code scheduled-run-N}. The gateway's threads serve every API function, so there the function is the one
 * whose manifest handler class is on the calling thread's stack (the handler runs on the gateway thread, and the SDK
 * calls {@code beforeExecution} on the caller's). A global SDK interceptor
 * ({@code software/amazon/awssdk/global/handlers/execution.interceptors} in the benchmark jar), so it sees every client
 * of the JVM, the emulators' too: calls on other threads (the benchmark's own reads) are not counted, nor the event
 * source's own {@code ReceiveMessage} / {@code DeleteMessageBatch} on a consumer's thread (no function makes those).
 * Keys are {@code Service.Operation} as {@link io.hostwright.lambda.aws.AwsCallCounter} has them, so the two can be
 * compared.
 */
public final class CallsByFunction implements ExecutionInterceptor {

    /** A gateway thread whose stack holds no manifest handler (not expected: every route is a function's). */
    public static final String GATEWAY = "gateway";
    static final Set<String> EVENT_SOURCE_OPERATIONS = Set.of("Sqs.ReceiveMessage", "Sqs.DeleteMessageBatch",
            "Sqs.DeleteMessage", "Sqs.ChangeMessageVisibility", "Sqs.ChangeMessageVisibilityBatch");

    private static final Map<String, String> FUNCTION_OF_HANDLER = Manifest.FUNCTIONS.stream()
            .collect(Collectors.toUnmodifiableMap(FunctionSpec::handler, FunctionSpec::name));
    private static final StackWalker STACK = StackWalker.getInstance();
    private static final Map<String, Map<String, LongAdder>> CALLS = new ConcurrentHashMap<>();
    private static volatile boolean installed;

    /** Built by the SDK, once per client. */
    public CallsByFunction() {
        installed = true;
    }

    /** Whether the SDK picked the interceptor up (it builds one per client it builds). */
    public static boolean installed() {
        return installed;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String function = functionOf(Thread.currentThread().getName());
        if (function == null) {
            return;
        }
        if (function.equals(GATEWAY)) {
            function = STACK.walk(frames -> frames.map(frame -> functionOfHandler(frame.getClassName()))
                    .filter(Objects::nonNull).findFirst()).orElse(GATEWAY);
        }
        String key = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (EVENT_SOURCE_OPERATIONS.contains(key)) {
            return;
        }
        CALLS.computeIfAbsent(function, f -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** The function a runtime thread runs, or null for threads that run none. */
    static String functionOf(String thread) {
        if (thread.startsWith("local-gateway-")) {
            return GATEWAY;
        }
        if (thread.startsWith("scheduled-run-")) {
            return "scheduled";
        }
        if (thread.startsWith("sqs-")) {
            int dash = thread.lastIndexOf('-');
            return dash > 4 ? thread.substring(4, dash) : null;
        }
        return null;
    }

    /**
     * The manifest function whose handler a class is (or is nested in, as its lambdas' frames are), or null.
     */
    static String functionOfHandler(String className) {
        int nested = className.indexOf('$');
        return FUNCTION_OF_HANDLER.get(nested < 0 ? className : className.substring(0, nested));
    }

    /** function → Service.Operation → calls since the last {@link #reset()}. */
    public static Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        CALLS.forEach((function, calls) -> {
            Map<String, Long> counts = new TreeMap<>();
            calls.forEach((key, n) -> counts.put(key, n.sum()));
            copy.put(function, counts);
        });
        return copy;
    }

    public static void reset() {
        CALLS.clear();
    }
}
