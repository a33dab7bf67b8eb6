package io.hostwright.simulators;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToIntFunction;

/**
 * How a simulator's kept state (see {@link StateFile}) is written and read: JSON with instants and durations as
 * ISO-8601 text and amounts as plain decimals, unknown fields ignored, and a version the reader checks, so a state of
 * another version or a damaged file is refused with what to do instead of half-loaded.
 */
public final class StateJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule()
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
                            return Instant.parse(p.getValueAsString());
                        }
                    })
                    .addSerializer(Duration.class, ToStringSerializer.instance)
                    .addDeserializer(Duration.class, new JsonDeserializer<>() {
                        @Override
                        public Duration deserialize(JsonParser p, DeserializationContext c) throws IOException {
                            return Duration.parse(p.getValueAsString());
                        }
                    }))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    private StateJson() {
    }

    /** @param simulator how messages name it, e.g. "TenantOS" */
    public static String write(Object state, String simulator) {
        try {
            return MAPPER.writeValueAsString(state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + simulator + " simulator's state", e);
        }
    }

    /** The state in {@code json}, refused when unreadable or not of {@code expected} version. */
    public static <T> T read(String json, Class<T> type, String simulator, ToIntFunction<T> version, int expected) {
        T state;
        try {
            state = MAPPER.readValue(json, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("the " + simulator + " simulator's kept state is not readable ("
                    + e.getMessage() + "); delete the file to start from the demo stock", e);
        }
        if (version.applyAsInt(state) != expected) {
            throw new IllegalStateException("the " + simulator + " simulator's kept state is of version "
                    + version.applyAsInt(state) + ", this simulator reads " + expected
                    + "; delete the file to start from the demo stock");
        }
        return state;
    }
}
