package io.hostwright.backends.contract;

import java.util.List;

/** The API port of a made-up back-end that keeps notes by topic: what the kit's own tests run the suite on. */
interface NotesApi {

    /** {@code GET /notes/{topic}}: safe to repeat. */
    List<String> notes(String topic);

    /** {@code POST /notes/{topic}}: a repeat would add the note twice. */
    void addNote(String topic, String text);

    /** {@code DELETE /notes/{topic}}: safe to repeat, a cleared topic stays cleared. */
    void clearNotes(String topic);
}
