package io.hostwright.local.faults;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.sqs.model.SqsException;

import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults in the AWS adapters of everything running in this JVM (the laptop runtime's functions included): registered
 * for every SDK client through the SDK's global interceptor list ({@code software/amazon/awssdk/global/handlers/
 * execution.interceptors} on the test classpath) and idle until a test switches it on. A fault is raised before the
 * request leaves, as the service would refuse it: DynamoDB throttling ({@code ProvisionedThroughputExceededException},
 * which the SDK retries with backoff and then gives up on) and SQS refusing a send (500). The request never reaches
 * the emulator, so nothing of it is written.
 */
public final class InjectedAwsFaults implements ExecutionInterceptor {

    /** What fails, with which probability: service name ("DynamoDb", "Sqs") → operations → probability. */
    public record Plan(Map<String, Set<String>> operations, double probability, long seed) {
    }

    private static volatile Plan plan;
    private static volatile Random random = new Random(0);
    private static final Map<String, AtomicLong> INJECTED = new ConcurrentHashMap<>();

    public static void activate(Plan newPlan) {
        INJECTED.clear();
        random = new Random(newPlan.seed());
        plan = newPlan;
    }

    public static void deactivate() {
        plan = null;
    }

    /** How many faults were raised, by "service operation". */
    public static Map<String, Long> injected() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        INJECTED.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Plan current = plan;
        if (current == null) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Set<String> failing = current.operations().get(service);
        if (failing == null || !failing.contains(operation)) {
            return;
        }
        boolean fail;
        synchronized (InjectedAwsFaults.class) {
            fail = random.nextDouble() < current.probability();
        }
        if (!fail) {
            return;
        }
        INJECTED.computeIfAbsent(service + " " + operation, k -> new AtomicLong()).incrementAndGet();
        if ("DynamoDb".equals(service)) {
            throw ProvisionedThroughputExceededException.builder().statusCode(400)
                    .message("injected: the request rate is too high")
                    .awsErrorDetails(AwsErrorDetails.builder().serviceName(service)
                            .errorCode("ProvisionedThroughputExceededException")
                            .errorMessage("injected: the request rate is too high").build())
                    .build();
        }
        throw SqsException.builder().statusCode(500).message("injected: internal error")
                .awsErrorDetails(AwsErrorDetails.builder().serviceName(service).errorCode("InternalError")
                        .errorMessage("injected: internal error").build())
                .build();
    }
}
