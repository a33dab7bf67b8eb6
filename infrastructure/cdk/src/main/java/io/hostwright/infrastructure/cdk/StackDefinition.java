package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.QueueSpec;
import io.hostwright.manifest.TableSpec;
import io.hostwright.manifest.Trigger;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the stack deploys: the table, the credentials table, queues and functions. The app passes the {@link Manifest}'s; tests pass
 * variations (a staff route, another consumer) to prove wiring the manifest does not exercise yet.
 */
public record StackDefinition(TableSpec table, TableSpec credentials, List<QueueSpec> queues,
                              List<FunctionSpec> functions) {

    /** With the manifest's credentials table. */
    public StackDefinition(TableSpec table, List<QueueSpec> queues, List<FunctionSpec> functions) {
        this(table, Manifest.CREDENTIALS_TABLE, queues, functions);
    }

    public StackDefinition {
        queues = List.copyOf(queues);
        functions = List.copyOf(functions);
        Set<String> queueNames = queues.stream().map(QueueSpec::name).collect(Collectors.toSet());
        Set<String> functionNames = new HashSet<>();
        Set<String> consumedQueues = new HashSet<>();
        for (FunctionSpec function : functions) {
            if (!functionNames.add(function.name())) {
                throw new IllegalArgumentException("two functions are named " + function.name());
            }
            for (String queue : function.sendsTo()) {
                requireQueue(queueNames, queue, function);
            }
            if (function.trigger() instanceof Trigger.Queue trigger) {
                requireQueue(queueNames, trigger.queue(), function);
                if (!consumedQueues.add(trigger.queue())) {
                    throw new IllegalArgumentException("queue " + trigger.queue() + " has more than one consumer");
                }
            }
        }
    }

    public static StackDefinition fromManifest() {
        return new StackDefinition(Manifest.TABLE, Manifest.CREDENTIALS_TABLE, Manifest.QUEUES, Manifest.FUNCTIONS);
    }

    public QueueSpec queue(String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no queue named " + name));
    }

    public Optional<FunctionSpec> consumerOf(String queueName) {
        return Manifest.consumerOf(queueName, functions);
    }

    /** The manifest's visibility rule applied to this definition's functions. */
    public Duration visibilityTimeout(String queueName) {
        return Manifest.visibilityTimeout(consumerOf(queueName));
    }

    public boolean sendsMail() {
        return functions.stream().anyMatch(FunctionSpec::sendsMail);
    }

    private static void requireQueue(Set<String> queueNames, String queue, FunctionSpec function) {
        if (!queueNames.contains(queue)) {
            throw new IllegalArgumentException(function.name() + " refers to undefined queue " + queue);
        }
    }
}
