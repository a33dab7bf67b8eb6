package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.TableAccess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stack the app deploys: the manifest's own functions, queues and table. */
class ManifestStackTest extends StackWiringContract {

    @Override
    StackDefinition definition() {
        return StackDefinition.fromManifest();
    }

    @Test
    void storefrontApiMayReadButNeverWriteTheTable() {
        FunctionSpec storefront = Manifest.function("storefront-api").orElseThrow();
        assertThat(storefront.tableAccess()).isEqualTo(TableAccess.READ);
        assertThat(template.actionsOf(roleId(storefront)))
                .contains("dynamodb:Query")
                .noneMatch(action -> action.matches("dynamodb:(Put|Update|Delete|BatchWrite)Item|dynamodb:PartiQL(Insert|Update|Delete)|dynamodb:\\*"));
    }

    @Test
    void visibilityTimeoutsAreTheManifests() {
        for (var queue : Manifest.QUEUES) {
            assertThat(definition.visibilityTimeout(queue.name())).isEqualTo(Manifest.visibilityTimeout(queue.name()));
        }
    }
}
