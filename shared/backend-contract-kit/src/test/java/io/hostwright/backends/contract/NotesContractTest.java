package io.hostwright.backends.contract;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite on the notes back-end with a sound adapter: every check passes. {@link ContractCatchesDefectsTest} breaks it. */
class NotesContractTest extends BackendApiContract<NotesApi> {

    Set<Defect> defects() {
        return Set.of();
    }

    boolean scripted() {
        return true;
    }

    @Override
    protected BackendUnderTest<NotesApi> startBackend() {
        return new NotesUnderTest(new NotesBackend(), defects(), scripted());
    }

    @Override
    protected ApiCall<NotesApi> safeCall() {
        return ApiCall.safe("notes", "GET /notes/{topic}", api -> assertThat(api.notes("seeded")).containsExactly("first"));
    }

    @Override
    protected ApiCall<NotesApi> unsafeCall() {
        return ApiCall.unsafe("addNote", "POST /notes/{topic}", api -> {
            api.addNote("seeded", "second");
            assertThat(api.notes("seeded")).containsExactly("first", "second");
        });
    }

    @Override
    protected List<ApiCall<NotesApi>> callsTheModuleUses() {
        String clearRoute = defects().contains(Defect.MISNAMES_A_ROUTE) ? "DELETE /notes" : "DELETE /notes/{topic}";
        return List.of(safeCall(), unsafeCall(), ApiCall.safe("clearNotes", clearRoute, api -> {
            api.clearNotes("seeded");
            assertThat(api.notes("seeded")).isEmpty();
        }));
    }
}
