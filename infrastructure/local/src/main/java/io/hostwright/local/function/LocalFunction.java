package io.hostwright.local.function;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.hostwright.local.console.Console;
import io.hostwright.lambda.InvocationContext;
import io.hostwright.manifest.FunctionSpec;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One manifest function hosted in this JVM. Like Lambda, an instance of the handler serves one invocation at a time:
 * concurrent invocations take another idle instance or build a new one (a cold start), so handlers written for
 * Lambda need not be thread-safe here either.
 */
public final class LocalFunction {

    private final FunctionSpec spec;
    private final HandlerFactory factory;
    private final String region;
    private final HandlerInput input;
    private final ConcurrentLinkedDeque<RequestHandler<Object, Object>> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger instances = new AtomicInteger();

    private LocalFunction(FunctionSpec spec, HandlerFactory factory, String region, RequestHandler<Object, Object> first) {
        this.spec = spec;
        this.factory = factory;
        this.region = region;
        this.input = HandlerInput.of(first.getClass());
        this.idle.add(first);
        this.instances.set(1);
    }

    /** Builds the first handler instance now, so a handler that cannot start fails the runtime's startup. */
    public static LocalFunction start(FunctionSpec spec, HandlerFactory factory, String region) {
        return new LocalFunction(spec, factory, region, construct(spec, factory));
    }

    public FunctionSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    /** The event class the handler declares, {@code Object} when it does not say. */
    public Class<?> inputType() {
        return input.type();
    }

    /** Handler instances built so far (1 + cold starts under concurrency). */
    public int instances() {
        return instances.get();
    }

    /**
     * Runs the handler on an idle instance with a fresh context and returns its result.
     *
     * @throws FunctionInvocationException when the handler throws or outlives the manifest timeout
     */
    public Object invoke(Object event) {
        String requestId = UUID.randomUUID().toString();
        RequestHandler<Object, Object> handler = acquire();
        long started = System.nanoTime();
        InvocationContext context = new InvocationContext(requestId, spec.name(), spec.memoryMb(), spec.timeout(),
                region, new LocalLambdaLogger(spec.name(), System.out));
        Object result;
        try {
            result = handler.handleRequest(input.convert(event), context);
        } catch (RuntimeException | Error e) {
            idle.offerFirst(handler);
            throw new FunctionInvocationException(spec.name(), requestId,
                    spec.name() + " failed (request " + requestId + "): " + e, e, false);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (took.compareTo(spec.timeout()) > 0) {
            // Lambda would have killed this environment: drop the instance and the result
            instances.decrementAndGet();
            throw new FunctionInvocationException(spec.name(), requestId, spec.name() + " timed out after "
                    + took.toMillis() + " ms (manifest timeout " + spec.timeout().toMillis() + " ms, request "
                    + requestId + ")", null, true);
        }
        idle.offerFirst(handler);
        return result;
    }

    /**
     * Invokes the handler with an event given as JSON (e.g. a file from {@code events/}) and answers its result as
     * JSON, both converted the way Lambda's Java runtime converts them.
     */
    public String invokeJson(String eventJson) {
        Object result = invoke(input.parse(eventJson));
        return result == null ? "null" : HandlerInput.toJson(result);
    }

    private RequestHandler<Object, Object> acquire() {
        RequestHandler<Object, Object> handler = idle.pollFirst();
        if (handler != null) {
            return handler;
        }
        RequestHandler<Object, Object> fresh = construct(spec, factory);
        Console.detail("cold start: another " + spec.name() + " instance for concurrent invocations ("
                + instances.incrementAndGet() + " now)");
        return fresh;
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<Object, Object> construct(FunctionSpec spec, HandlerFactory factory) {
        RequestHandler<?, ?> handler = factory.create(spec);
        if (handler == null) {
            throw new IllegalStateException("the handler factory built no handler for " + spec.name());
        }
        return (RequestHandler<Object, Object>) handler;
    }
}
