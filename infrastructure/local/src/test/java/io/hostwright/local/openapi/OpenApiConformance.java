package io.hostwright.local.openapi;

import io.hostwright.local.gateway.GatewayExchange;
import io.hostwright.local.gateway.GatewayTap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The API and its document cannot drift: registered for every test class of this module (JUnit's extension
 * auto-detection, {@code META-INF/services} and {@code junit-platform.properties}), it taps the laptop gateway while
 * the class runs and, after the class's own {@code @AfterAll}, checks every exchange on a manifest route against
 * {@code openapi.yaml} ({@link OpenApiContract}). Any mismatch fails the class, listing each kind once with an example.
 *
 * <p>Per request the gateway only hands over a record of what it already holds; the checking happens once, after the
 * class. A class that starts no runtime records nothing and checks nothing.
 */
public final class OpenApiConformance implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OpenApiConformance.class);
    private static final String RECORDING = "recording";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getStore(NAMESPACE).get(RECORDING) != null) {
            return; // an enclosing class records already
        }
        context.getStore(NAMESPACE).put(RECORDING, new Recording(context.getUniqueId()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Recording recording = context.getStore(NAMESPACE).get(RECORDING, Recording.class);
        if (recording == null || !recording.owner.equals(context.getUniqueId())) {
            return;
        }
        recording.close();
        List<GatewayExchange> exchanges = new ArrayList<>(recording.exchanges);
        if (exchanges.isEmpty()) {
            return;
        }
        OpenApiContract.Verdict verdict = OpenApiContract.get().verdict(exchanges);
        if (!verdict.mismatches().isEmpty()) {
            throw new AssertionFailedError(verdict.mismatches().size() + " way(s) the API differed from openapi.yaml in "
                    + context.getDisplayName() + " (fix the document or the code):\n  - "
                    + String.join("\n  - ", verdict.mismatches()));
        }
        if (verdict.covered() > 0) {
            System.out.println("openapi.yaml: " + verdict.covered() + " exchanges on API routes in "
                    + context.getDisplayName() + " (" + verdict.checked() + " distinct) match the document");
        }
    }

    /** The exchanges on API routes while one class runs; closed with the class's store at the latest. */
    private static final class Recording implements ExtensionContext.Store.CloseableResource {
        final String owner;
        final Queue<GatewayExchange> exchanges = new ConcurrentLinkedQueue<>();
        private final GatewayTap tap;

        Recording(String owner) {
            this.owner = owner;
            this.tap = GatewayTap.open(exchange -> {
                if (exchange.routeKey() != null && exchange.answeredBy() != GatewayExchange.Answerer.LAPTOP) {
                    exchanges.add(exchange);
                }
            });
        }

        @Override
        public void close() {
            tap.close();
        }
    }
}
