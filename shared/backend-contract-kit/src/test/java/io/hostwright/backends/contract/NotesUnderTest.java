package io.hostwright.backends.contract;

import java.util.Optional;
import java.util.Set;

/**
 * The notes back-end as the suite drives it, its adapter built with {@code defects}. {@code scripted} false plays a
 * real installation: it cannot fail on demand or count calls.
 */
record NotesUnderTest(NotesBackend backend, Set<Defect> defects, boolean scripted) implements BackendUnderTest<NotesApi> {

    @Override
    public String name() {
        return scripted ? "the notes back-end" : "a real notes back-end";
    }

    @Override
    public NotesApi client() {
        return clientAt(NotesBackend.URL, NotesBackend.CREDENTIAL);
    }

    @Override
    public NotesApi clientWithCredential(String credential) {
        return clientAt(NotesBackend.URL, credential);
    }

    @Override
    public NotesApi clientAt(String baseUrl) {
        return clientAt(baseUrl, NotesBackend.CREDENTIAL);
    }

    private NotesApi clientAt(String baseUrl, String credential) {
        return new RetryingNotes(new NotesClient(backend, baseUrl, credential, defects), defects);
    }

    @Override
    public String credential() {
        return NotesBackend.CREDENTIAL;
    }

    @Override
    public Optional<ScriptedFailures> failures() {
        return scripted ? Optional.of(backend) : Optional.empty();
    }

    @Override
    public void close() {
    }
}
