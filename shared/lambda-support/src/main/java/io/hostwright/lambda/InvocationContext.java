package io.hostwright.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The Lambda {@link Context} of one invocation outside Lambda (the laptop runtime, tests, the benchmark): a request
 * id, the function's memory, and the time left counting down from its timeout as it would in Lambda.
 */
public final class InvocationContext implements Context {

    private static final String ACCOUNT_ID = "000000000000";
    private static final LambdaLogger STDERR = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.err.println(message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    };

    private final String requestId;
    private final String functionName;
    private final int memoryMb;
    private final String region;
    private final long deadlineNanos;
    private final LambdaLogger logger;

    public InvocationContext(String requestId, String functionName, int memoryMb, Duration timeout, String region,
                             LambdaLogger logger) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.memoryMb = memoryMb;
        this.region = region;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.logger = logger;
    }

    public static InvocationContext forTest(String functionName) {
        return new InvocationContext(UUID.randomUUID().toString(), functionName, 512, Duration.ofSeconds(30),
                "eu-west-1", STDERR);
    }

    @Override public String getAwsRequestId() { return requestId; }
    @Override public String getLogGroupName() { return "/aws/lambda/" + functionName; }
    @Override public String getLogStreamName() { return "local/[$LATEST]" + requestId.replace("-", ""); }
    @Override public String getFunctionName() { return functionName; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + functionName;
    }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }
    @Override public int getMemoryLimitInMB() { return memoryMb; }
    @Override public LambdaLogger getLogger() { return logger; }
}
