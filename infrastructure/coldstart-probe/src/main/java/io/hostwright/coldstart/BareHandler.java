package io.hostwright.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/** The floor every function's cold start is compared with: a handler that builds nothing and calls nothing. */
public final class BareHandler implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return "ok, " + (event == null ? 0 : event.size()) + " event fields";
    }
}
