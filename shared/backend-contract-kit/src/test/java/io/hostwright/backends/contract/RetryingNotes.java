package io.hostwright.backends.contract;

import io.hostwright.domain.backend.BackendFailure;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Repeats the safe notes calls up to three times through transient failures (never sleeping), with {@code defects}. */
final class RetryingNotes implements NotesApi {

    private final NotesApi delegate;
    private final Set<Defect> defects;

    RetryingNotes(NotesApi delegate, Set<Defect> defects) {
        this.delegate = delegate;
        this.defects = defects;
    }

    @Override
    public List<String> notes(String topic) {
        return retried(() -> delegate.notes(topic));
    }

    @Override
    public void addNote(String topic, String text) {
        if (!defects.contains(Defect.REPEATS_UNSAFE_CALLS)) {
            delegate.addNote(topic, text);
            return;
        }
        retried(() -> {
            delegate.addNote(topic, text);
            return null;
        });
    }

    @Override
    public void clearNotes(String topic) {
        retried(() -> {
            delegate.clearNotes(topic);
            return null;
        });
    }

    private <T> T retried(Supplier<T> call) {
        int attempts = defects.contains(Defect.NEVER_REPEATS) ? 1 : 3;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (BackendFailure failure) {
                boolean worthIt = failure instanceof BackendFailure.Transient || defects.contains(Defect.REPEATS_REFUSALS);
                if (!worthIt || attempt >= attempts) {
                    throw failure;
                }
            }
        }
    }
}
