package io.hostwright.hostile;

import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * What every hostile-input property shares: the one API on DynamoDB Local, the table and queues remembered before the
 * property and compared after it (nothing any try sent may have been written), and a try's check that, when it fails,
 * leaves the comparison out (the failing try says what it wrote).
 */
abstract class WritesNothingProperties {

    protected final HostileApi api = HostileApi.shared();
    private Snapshot before;
    private boolean failed;

    @BeforeProperty
    void remember() {
        api.cases();
        before = Snapshot.of(api.aws());
    }

    @AfterProperty
    void nothingStored() {
        if (failed) {
            return;
        }
        String changed = Snapshot.of(api.aws()).differenceFrom(before);
        if (!changed.isEmpty()) {
            throw new AssertionError("the table or the queues changed:" + changed);
        }
    }

    /** Runs one try's assertions, noting a failure so the after-property comparison does not mask it. */
    protected void checking(Runnable assertions) {
        try {
            assertions.run();
        } catch (AssertionError e) {
            failed = true;
            throw e;
        }
    }
}
