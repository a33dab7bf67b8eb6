package io.hostwright.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a refusal must look like: a 4xx (one of those expected) in {@code application/problem+json} whose status is
 * the answer's, with a title and a detail, naming in {@code errors} the field, header or parameter at fault (every
 * refusal but "not found" and "conflict", which say what in their detail); and nothing written, nothing asked of the
 * back-end.
 */
final class Refusals {

    private Refusals() {
    }

    /**
     * @param statuses the statuses this request may get
     * @param named    a field, header or parameter the problem must name; null for any
     */
    static void assertRefused(HostileApi.Request request, HostileApi.Answer answer, Set<Integer> statuses,
                              String named) {
        List<String> wrong = new ArrayList<>(problems(answer, statuses, named));
        if (!answer.writes().isEmpty()) {
            wrong.add("it wrote " + answer.writes());
        }
        if (!answer.backendChanges().isEmpty()) {
            wrong.add("it asked the back-end to change " + answer.backendChanges());
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError(String.join("; ", wrong) + "\n  request: " + request.describe()
                    + "\n  answer: " + answer.status() + " " + answer.headers() + " "
                    + (answer.body() == null ? "" : HostileApi.shown(answer.body(), 600)));
        }
    }

    /** Never a 5xx nor a write; a 4xx is a problem naming what is wrong. */
    static void assertAnsweredWithoutWriting(HostileApi.Request request, HostileApi.Answer answer,
                                             Set<Integer> successes) {
        if (successes.contains(answer.status())) {
            if (!answer.writes().isEmpty() || !answer.backendChanges().isEmpty()) {
                throw new AssertionError("a read wrote " + answer.writes() + answer.backendChanges() + "\n  request: "
                        + request.describe());
            }
            return;
        }
        assertRefused(request, answer, Set.of(), null);
    }

    /** The fields, headers or parameters a problem names. */
    static List<String> fieldsNamed(HostileApi.Answer answer) {
        List<String> fields = new ArrayList<>();
        Json.read(answer.body(), JsonNode.class).path("errors").forEach(e -> fields.add(e.path("field").asText("")));
        return fields;
    }

    private static List<String> problems(HostileApi.Answer answer, Set<Integer> statuses, String named) {
        List<String> wrong = new ArrayList<>();
        int status = answer.status();
        if (status < 400 || status > 499 || !statuses.isEmpty() && !statuses.contains(status)) {
            wrong.add("status " + status + " is not " + (statuses.isEmpty() ? "a 4xx" : "one of " + statuses));
        }
        String type = answer.headers().getOrDefault("Content-Type", "");
        if (!type.startsWith("application/problem+json")) {
            wrong.add("Content-Type is '" + type + "', not application/problem+json");
            return wrong;
        }
        JsonNode problem;
        try {
            problem = Json.read(answer.body(), JsonNode.class);
        } catch (RuntimeException e) {
            wrong.add("the body is not JSON: " + e.getMessage());
            return wrong;
        }
        if (problem.path("status").asInt() != status) {
            wrong.add("the problem's status " + problem.path("status") + " is not the answer's");
        }
        if (problem.path("title").asText("").isBlank() || problem.path("detail").asText("").isBlank()) {
            wrong.add("the problem has no title or detail");
        }
        if (status == 404 || status == 409) {
            return wrong;
        }
        JsonNode errors = problem.path("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.path("field").asText("")));
        if (fields.isEmpty() || fields.stream().anyMatch(String::isBlank)) {
            wrong.add("the problem names no field, header or parameter: errors " + errors);
        } else if (named != null && !fields.contains(named)) {
            wrong.add("the problem names " + fields + ", not " + named);
        }
        return wrong;
    }

}
