package io.hostwright.emulators;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link LocalAws} parameter (constructor, {@code @BeforeAll}, {@code @BeforeEach}, test method). One
 * instance is started, on free ports, the first time a test asks, shared by every test class in the JVM, and stopped
 * when JUnit finishes.
 *
 * <pre>{@code
 * @ExtendWith(LocalAwsExtension.class)
 * class OrderAcceptanceIT {
 *     @Test
 *     void acceptsAnOrder(LocalAws aws) { ... aws.dynamoDb() ... aws.sentEmails() ... }
 * }
 * }</pre>
 *
 * State is shared: use unique keys, and call {@link LocalAws#purgeQueues()} / {@link LocalAws#clearEmails()} in
 * {@code @BeforeEach} where a test reads whole queues or the whole mail store.
 */
public final class LocalAwsExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalAwsExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalAws.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    /** The JVM's instance, started on first use; for extensions and helpers that have a context but no parameter. */
    public static LocalAws shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> new Running(LocalAws.start()), Running.class)
                .localAws();
    }

    /** JUnit closes root-store values of this type when the whole run ends. */
    private record Running(LocalAws localAws) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            localAws.close();
        }
    }
}
