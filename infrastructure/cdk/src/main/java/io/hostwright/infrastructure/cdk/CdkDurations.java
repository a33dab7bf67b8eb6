package io.hostwright.infrastructure.cdk;

import software.amazon.awscdk.Duration;

/** The manifest speaks {@code java.time.Duration}; CDK has its own. */
final class CdkDurations {

    private CdkDurations() {
    }

    static Duration of(java.time.Duration duration) {
        return Duration.seconds(duration.toSeconds());
    }
}
