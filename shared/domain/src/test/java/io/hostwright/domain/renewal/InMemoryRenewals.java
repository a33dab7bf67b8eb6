package io.hostwright.domain.renewal;

import io.hostwright.domain.operation.ActionAnswer;
import io.hostwright.domain.operation.ActionAnswers;
import io.hostwright.domain.operation.OperationRepository;
import io.hostwright.domain.service.InMemoryServices;
import io.hostwright.domain.service.Service;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The renewal's write and the kept answers over one lock, all or nothing as the DynamoDB transaction is. */
final class InMemoryRenewals implements ServiceRenewals, ActionAnswers {

    private final InMemoryServices services;
    private final Map<String, ActionAnswer> answers = new HashMap<>();

    InMemoryRenewals(InMemoryServices services) {
        this.services = services;
    }

    @Override
    public synchronized boolean renew(Service expected, Service renewed, ActionAnswer answer) {
        if (answers.containsKey(answer.scope() + "#" + answer.key())) {
            throw new OperationRepository.AnswerTaken();
        }
        if (!services.replace(expected, renewed)) {
            return false;
        }
        answers.put(answer.scope() + "#" + answer.key(), answer);
        return true;
    }

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
