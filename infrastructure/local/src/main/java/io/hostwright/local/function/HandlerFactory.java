package io.hostwright.local.function;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.hostwright.manifest.FunctionSpec;

import java.lang.reflect.InvocationTargetException;

/**
 * Builds one instance of a function's handler, as Lambda does for each new execution environment. The runtime uses
 * {@link #reflective()}; tests pass their own handlers.
 */
@FunctionalInterface
public interface HandlerFactory {

    RequestHandler<?, ?> create(FunctionSpec function);

    /** The manifest's handler class through its public no-argument constructor, exactly as Lambda builds it. */
    static HandlerFactory reflective() {
        return function -> {
            Class<?> type;
            try {
                type = Class.forName(function.handler());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("handler class " + function.handler() + " of function "
                        + function.name() + " is not on the classpath; is " + function.name()
                        + " a dependency of the laptop runtime?", e);
            }
            if (!RequestHandler.class.isAssignableFrom(type)) {
                throw new IllegalStateException("handler " + function.handler() + " of function " + function.name()
                        + " does not implement RequestHandler");
            }
            try {
                return (RequestHandler<?, ?>) type.getConstructor().newInstance();
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("handler " + function.handler() + " has no public no-argument "
                        + "constructor, which Lambda needs", e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("handler " + function.handler() + " failed in its constructor: "
                        + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("handler " + function.handler() + " cannot be constructed: " + e, e);
            }
        };
    }
}
