package io.hostwright.domain.control;

import io.hostwright.domain.operation.ActionAnswer;
import io.hostwright.domain.operation.ActionAnswers;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Answers kept per Idempotency-Key in memory; the first one kept for a key stands. */
final class InMemoryActionAnswers implements ActionAnswers {

    private final Map<String, ActionAnswer> answers = new HashMap<>();

    @Override
    public synchronized Optional<ActionAnswer> find(String scope, String key) {
        return Optional.ofNullable(answers.get(scope + "#" + key));
    }

    @Override
    public synchronized void keep(ActionAnswer answer) {
        answers.putIfAbsent(answer.scope() + "#" + answer.key(), answer);
    }

    synchronized int size() {
        return answers.size();
    }
}
