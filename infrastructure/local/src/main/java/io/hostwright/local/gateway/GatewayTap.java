package io.hostwright.local.gateway;

import io.hostwright.local.console.Console;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Sees every exchange any laptop gateway in this JVM answers, after the answer is written (the client is not kept
 * waiting on it). The end-to-end tests check each against {@code openapi.yaml} this way. With no tap open a request
 * costs one empty-list check; with one, a record of references to bytes the gateway already holds.
 */
public final class GatewayTap implements AutoCloseable {

    private static final List<GatewayTap> OPEN = new CopyOnWriteArrayList<>();

    private final Consumer<GatewayExchange> listener;

    private GatewayTap(Consumer<GatewayExchange> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Starts passing exchanges to {@code listener} (on the gateway's worker threads: keep it quick and thread-safe). */
    public static GatewayTap open(Consumer<GatewayExchange> listener) {
        GatewayTap tap = new GatewayTap(listener);
        OPEN.add(tap);
        return tap;
    }

    static boolean anyOpen() {
        return !OPEN.isEmpty();
    }

    static void publish(GatewayExchange exchange) {
        for (GatewayTap tap : OPEN) {
            try {
                tap.listener.accept(exchange);
            } catch (RuntimeException e) {
                Console.error("a gateway tap failed on " + exchange, e);
            }
        }
    }

    @Override
    public void close() {
        OPEN.remove(this);
    }
}
