package io.hostwright.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One cold start, in the fresh JVM the benchmark launched: what Lambda's Java runtime does for a new execution
 * environment, timed. Init is loading and initialising the handler class and calling its public no-argument
 * constructor; the first invocation is deserializing the event with the runtime's own serializers
 * (aws-lambda-java-serialization), {@code handleRequest}, and serializing the answer.
 *
 * <pre>java -cp FUNCTION.jar:hostwright-coldstart-probe.jar io.hostwright.coldstart.ColdStartProbe \
 *     HANDLER_CLASS EVENT_CLASS EVENT_FILE [FUNCTION_NAME [MEMORY_MB [TIMEOUT_SECONDS]]]</pre>
 *
 * Prints one line starting with {@value #RESULT_PREFIX} (whatever the function logs is around it) and exits 0, or 1
 * when the handler could not be built or its first invocation threw.
 */
public final class ColdStartProbe {

    public static final String RESULT_PREFIX = "{\"probe\":\"coldstart\"";
    private static final int OUTPUT_EXCERPT = 600;

    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        long mainAtEpochMs = System.currentTimeMillis();
        PrintStream out = System.out;
        if (args.length < 3) {
            System.err.println("usage: ColdStartProbe HANDLER_CLASS EVENT_CLASS EVENT_FILE [FUNCTION_NAME [MEMORY_MB [TIMEOUT_SECONDS]]]");
            System.exit(2);
        }
        String handlerClass = args[0];
        String eventClass = args[1];
        Path eventFile = Path.of(args[2]);
        String functionName = args.length > 3 ? args[3] : simpleName(handlerClass);
        int memoryMb = args.length > 4 ? Integer.parseInt(args[4]) : 512;
        Duration timeout = Duration.ofSeconds(args.length > 5 ? Long.parseLong(args[5]) : 30);

        JsonLine result = new JsonLine().add("handler", handlerClass).add("eventType", eventClass)
                .add("mainAtEpochMs", mainAtEpochMs);
        int exitCode = run(handlerClass, eventClass, eventFile, new ProbeContext(functionName, memoryMb, timeout), result);
        out.println(RESULT_PREFIX + "," + result.body());
        out.flush();
        // the SDK and DynamoDB clients may leave non-daemon threads; a Lambda environment is frozen, not exited
        System.exit(exitCode);
    }

    private static int run(String handlerClass, String eventClass, Path eventFile, ProbeContext context, JsonLine result) {
        ClassLoader loader = ColdStartProbe.class.getClassLoader();
        long initStarted = System.nanoTime();
        RequestHandler<Object, Object> handler;
        try {
            handler = construct(handlerClass, loader);
        } catch (Throwable e) {
            result.add("initMs", millisSince(initStarted)).add("error", "init: " + describe(e));
            return 1;
        }
        result.add("initMs", millisSince(initStarted));

        byte[] event;
        try {
            event = Files.readAllBytes(eventFile);
        } catch (Exception e) {
            result.add("error", "cannot read the event file " + eventFile + ": " + e);
            return 1;
        }

        long invokeStarted = System.nanoTime();
        long phaseStarted = invokeStarted;
        String phase = "deserialize";
        try {
            Class<?> eventType = Class.forName(eventClass, true, loader);
            Object input = serializerFor(eventType, loader).fromJson(new ByteArrayInputStream(event));
            result.add("deserializeMs", millisSince(phaseStarted));

            phase = "handleRequest";
            phaseStarted = System.nanoTime();
            Object output = handler.handleRequest(input, context);
            result.add("handleMs", millisSince(phaseStarted));

            phase = "serialize";
            phaseStarted = System.nanoTime();
            String json = output == null ? "null" : toJson(output, loader);
            result.add("serializeMs", millisSince(phaseStarted));
            result.add("firstInvokeMs", millisSince(invokeStarted));
            result.add("outputType", output == null ? "null" : output.getClass().getName());
            result.add("output", json.length() > OUTPUT_EXCERPT ? json.substring(0, OUTPUT_EXCERPT) + "..." : json);
            return 0;
        } catch (Throwable e) {
            result.add(phase + "Ms", millisSince(phaseStarted));
            result.add("firstInvokeMs", millisSince(invokeStarted));
            result.add("error", phase + ": " + describe(e));
            return 1;
        }
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<Object, Object> construct(String handlerClass, ClassLoader loader)
            throws ReflectiveOperationException {
        Class<?> type = Class.forName(handlerClass, true, loader);
        if (!RequestHandler.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(handlerClass + " does not implement RequestHandler");
        }
        try {
            return (RequestHandler<Object, Object>) type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("constructor threw " + e.getCause(), e.getCause());
        }
    }

    /** The choice Lambda's runtime makes: its event serializers for AWS event classes, plain Jackson otherwise. */
    @SuppressWarnings("unchecked")
    static PojoSerializer<Object> serializerFor(Class<?> type, ClassLoader loader) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader);
        }
        return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
    }

    private static String toJson(Object output, ClassLoader loader) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        serializerFor(output.getClass(), loader).toJson(output, bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static double millisSince(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 10_000.0) / 100.0;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + " (cause: " + root + ")";
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
