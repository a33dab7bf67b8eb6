package io.hostwright.local.function;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * The event type a handler declares ({@code RequestHandler<I, O>}'s {@code I}) and the conversion Lambda's Java
 * runtime would apply: an event the runtime built as another class travels through JSON, with the same serializers
 * Lambda uses (aws-lambda-java-serialization), so a handler taking a map or its own POJO gets what Lambda would give.
 */
final class HandlerInput {

    private final Class<?> type;

    private HandlerInput(Class<?> type) {
        this.type = type;
    }

    static HandlerInput of(Class<?> handlerClass) {
        return new HandlerInput(declaredInput(handlerClass));
    }

    /** {@code Object} when the handler does not say (a lambda, a raw type): events are passed as built. */
    Class<?> type() {
        return type;
    }

    Object convert(Object event) {
        if (event == null || type.isInstance(event)) {
            return event;
        }
        return fromJson(toJson(event), type);
    }

    /** An event written as JSON (a sample from events/), read as Lambda's runtime would for this handler. */
    Object parse(String json) {
        return fromJson(json, type == Object.class ? java.util.Map.class : type);
    }

    static String toJson(Object value) {
        @SuppressWarnings("unchecked")
        PojoSerializer<Object> serializer = (PojoSerializer<Object>) serializer(value.getClass());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Object fromJson(String json, Class<?> target) {
        return serializer(target).fromJson(json);
    }

    private static PojoSerializer<?> serializer(Class<?> type) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return LambdaEventSerializers.serializerFor(type, HandlerInput.class.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    private static Class<?> declaredInput(Class<?> handlerClass) {
        for (Class<?> c = handlerClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type candidate : c.getGenericInterfaces()) {
                if (candidate instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type input = p.getActualTypeArguments()[0];
                    if (input instanceof Class<?> cls) {
                        return cls;
                    }
                    if (input instanceof ParameterizedType pi && pi.getRawType() instanceof Class<?> raw) {
                        return raw;
                    }
                    return Object.class;
                }
            }
        }
        return Object.class;
    }
}
