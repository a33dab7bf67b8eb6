package io.hostwright.backends.contract;

import io.hostwright.domain.backend.BackendFailure;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The notes adapter: calls the back-end and turns its answers into back-end failures, with {@code defects}. */
final class NotesClient implements NotesApi {

    private final NotesBackend backend;
    private final String baseUrl;
    private final String credential;
    private final Set<Defect> defects;

    NotesClient(NotesBackend backend, String baseUrl, String credential, Set<Defect> defects) {
        this.backend = backend;
        this.baseUrl = baseUrl;
        this.credential = credential;
        this.defects = defects;
    }

    @Override
    public List<String> notes(String topic) {
        return exchange("GET /notes/{topic}", () -> backend.notes(topic));
    }

    @Override
    public void addNote(String topic, String text) {
        exchange("POST /notes/{topic}", () -> {
            backend.add(topic, text);
            return null;
        });
    }

    @Override
    public void clearNotes(String topic) {
        exchange("DELETE /notes/{topic}", () -> {
            backend.clear(topic);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private <T> T exchange(String route, Supplier<Object> work) {
        if (!baseUrl.equals(NotesBackend.URL)) {
            throw new BackendFailure.Transient("Notes " + route + ": cannot connect to " + baseUrl, 0, null, null);
        }
        return switch (backend.call(route, credential, work)) {
            case NotesBackend.Done done -> (T) done.result();
            case NotesBackend.NoAnswer none -> throw defects.contains(Defect.TIMEOUT_IS_PERMANENT)
                    ? new BackendFailure.Permanent("Notes " + route + ": no answer", 0, null)
                    : new BackendFailure.Transient("Notes " + route + ": no answer", 0, null, null);
            case NotesBackend.Refused refused -> throw failure(route, refused.answer());
        };
    }

    private BackendFailure failure(String route, ErrorAnswer answer) {
        String words = defects.contains(Defect.SHOWS_THE_CREDENTIAL) ? answer.message()
                : answer.message().replace(credential, "***");
        String message = "Notes " + route + ": HTTP " + answer.status()
                + (defects.contains(Defect.DROPS_THE_BACKENDS_WORDS) ? "" : " " + words);
        boolean tooMany = answer.status() == 429 && !defects.contains(Defect.TOO_MANY_REQUESTS_IS_PERMANENT);
        if (tooMany || answer.status() >= 500) {
            return new BackendFailure.Transient(message, answer.status(),
                    defects.contains(Defect.LOSES_RETRY_AFTER) ? null : answer.retryAfter(), null);
        }
        return new BackendFailure.Permanent(message, answer.status(), null);
    }
}
