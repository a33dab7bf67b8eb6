package io.hostwright.local.crash;

import io.hostwright.local.LaptopClient;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One request of the crash script, sent as a storefront or a member of staff would: with its own
 * {@code Idempotency-Key}, and again with the same key when it got no answer (the process was killed under it), until
 * it is answered. Keeps every answer it got, to check that a replay answers what the first answer said.
 *
 * @param kind        "order", or the operation: suspend, terminate, reinstall, resize
 * @param target      the warm-up order an operation acts on; null for an order
 */
record ScriptedRequest(String name, String kind, String method, String path, String token, String key, String body,
                       ScriptedRequest target, List<LaptopClient.Answer> answers, List<String> misses) {

    static ScriptedRequest order(String name, String token, String body) {
        return new ScriptedRequest(name, "order", "POST", "/v1/orders", token, name, body, null,
                Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedList(new ArrayList<>()));
    }

    static ScriptedRequest operation(String kind, ScriptedRequest target, String path, String token, String body) {
        return new ScriptedRequest(kind + "-" + target.name(), kind, "POST", path, token, kind + "-" + target.name(),
                body, target, Collections.synchronizedList(new ArrayList<>()),
                Collections.synchronizedList(new ArrayList<>()));
    }

    /** Sends it once; an answer is kept, no answer (killed, not up) is noted. */
    void sendOnce(LaptopClient client) {
        try {
            answers.add(client.send(method, path, token, key, body));
        } catch (IOException e) {
            misses.add(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answered with what a retry need not repeat: anything but a 503 (which asks to be tried again). */
    boolean settled() {
        synchronized (answers) {
            return answers.stream().anyMatch(a -> a.status() != 503);
        }
    }

    /** The first answer that was not a 503. */
    LaptopClient.Answer answer() {
        synchronized (answers) {
            return answers.stream().filter(a -> a.status() != 503).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " was never answered: " + answers + " " + misses));
        }
    }

    JsonNode accepted() {
        LaptopClient.Answer answer = answer();
        if (answer.status() != 202) {
            throw new AssertionError(name + " answered " + answer.status() + ": " + answer.text());
        }
        return answer.body();
    }

    String serviceId() {
        return target == null ? accepted().path("serviceId").asText() : target.serviceId();
    }

    String operationId() {
        return accepted().path("operationId").asText();
    }

    boolean isOrder() {
        return target == null;
    }
}
