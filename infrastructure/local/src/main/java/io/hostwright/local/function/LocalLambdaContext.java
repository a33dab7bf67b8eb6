package io.hostwright.local.function;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.hostwright.manifest.FunctionSpec;

/**
 * The Lambda {@link Context} of one local invocation: a fresh request id, the manifest's memory and timeout, and the
 * time left counting down from the manifest timeout as it would in Lambda.
 */
public final class LocalLambdaContext implements Context {

    static final String ACCOUNT_ID = "000000000000";

    private final String requestId;
    private final FunctionSpec function;
    private final String region;
    private final long deadlineNanos;
    private final LambdaLogger logger;

    LocalLambdaContext(String requestId, FunctionSpec function, String region, long startNanos, LambdaLogger logger) {
        this.requestId = requestId;
        this.function = function;
        this.region = region;
        this.deadlineNanos = startNanos + function.timeout().toNanos();
        this.logger = logger;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.name();
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + requestId.replace("-", "");
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + function.name();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
