package io.hostwright.backends.contract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * The notes back-end in memory, with scripted failures and call counts as a simulator has them. It "listens" at
 * {@link #URL}; it holds one note on topic {@code seeded}.
 */
final class NotesBackend implements ScriptedFailures {

    static final String URL = "http://notes.invalid";
    static final String CREDENTIAL = "notes-key-7c1d";

    /** What the back-end does with one call. */
    sealed interface Reply {
    }

    record Done(Object result) implements Reply {
    }

    record Refused(ErrorAnswer answer) implements Reply {
    }

    record NoAnswer() implements Reply {
    }

    private final Map<String, List<String>> notes = new HashMap<>(Map.of("seeded", new ArrayList<>(List.of("first"))));
    private final Map<String, Queue<Reply>> scripted = new HashMap<>();
    private final Map<String, Integer> received = new HashMap<>();

    Reply call(String route, String credential, Supplier<Object> work) {
        received.merge(route, 1, Integer::sum);
        if (!CREDENTIAL.equals(credential)) {
            return new Refused(ErrorAnswer.of(401, "Unauthenticated: unknown key " + credential));
        }
        Reply failure = scripted.getOrDefault(route, new ArrayDeque<>()).poll();
        return failure != null ? failure : new Done(work.get());
    }

    List<String> notes(String topic) {
        return List.copyOf(notes.getOrDefault(topic, List.of()));
    }

    void add(String topic, String text) {
        notes.computeIfAbsent(topic, t -> new ArrayList<>()).add(text);
    }

    void clear(String topic) {
        notes.remove(topic);
    }

    @Override
    public void answer(String route, int times, ErrorAnswer answer) {
        script(route, times, new Refused(answer));
    }

    @Override
    public void hang(String route, int times) {
        script(route, times, new NoAnswer());
    }

    private void script(String route, int times, Reply reply) {
        for (int i = 0; i < times; i++) {
            scripted.computeIfAbsent(route, r -> new ArrayDeque<>()).add(reply);
        }
    }

    @Override
    public long callsReceived(String route) {
        return received.getOrDefault(route, 0);
    }
}
