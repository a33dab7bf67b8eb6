package io.hostwright.domain.operation;

import io.hostwright.domain.service.ServiceStatus;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Work done on a live service through the lifecycle queue: allowed only from some service states, leaving the
 * service in {@code target} once it passes its turning point. The four every hosting product knows are constants;
 * a back-end may declare its own (a resize, a password reset) with the same shape, so the set is open. Compare
 * kinds with {@code equals}: one read from storage is a new instance.
 *
 * @param label lower case, as in routes and messages: {@code suspend}
 */
public record OperationKind(String label, Set<ServiceStatus> allowedFrom, ServiceStatus target) {

    public static final OperationKind SUSPEND = new OperationKind("suspend",
            EnumSet.of(ServiceStatus.ACTIVE), ServiceStatus.SUSPENDED);
    public static final OperationKind UNSUSPEND = new OperationKind("unsuspend",
            EnumSet.of(ServiceStatus.SUSPENDED), ServiceStatus.ACTIVE);
    public static final OperationKind TERMINATE = new OperationKind("terminate",
            EnumSet.of(ServiceStatus.ACTIVE, ServiceStatus.SUSPENDED, ServiceStatus.FAILED), ServiceStatus.TERMINATED);
    public static final OperationKind REINSTALL = new OperationKind("reinstall",
            EnumSet.of(ServiceStatus.ACTIVE), ServiceStatus.ACTIVE);

    /** More CPU, RAM or disk for a virtual server; what may grow, and how, is the back-end's to check. */
    public static final OperationKind RESIZE = new OperationKind("resize",
            EnumSet.of(ServiceStatus.ACTIVE), ServiceStatus.ACTIVE);

    public static final List<OperationKind> STANDARD = List.of(SUSPEND, UNSUSPEND, TERMINATE, REINSTALL, RESIZE);

    public OperationKind {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(target, "target");
        if (!label.matches("[a-z][a-z-]*")) {
            throw new IllegalArgumentException("an operation kind is lower-case kebab: " + label);
        }
        allowedFrom = allowedFrom.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowedFrom));
        if (allowedFrom.isEmpty()) {
            throw new IllegalArgumentException("operation " + label + " is allowed from no state");
        }
    }

    /** Upper case, as stored and fingerprinted: {@code SUSPEND}. */
    public String name() {
        return label.toUpperCase(Locale.ROOT);
    }

    /** One of the standard kinds by its label or stored name. */
    public static Optional<OperationKind> standard(String labelOrName) {
        return STANDARD.stream().filter(k -> k.label.equalsIgnoreCase(labelOrName)).findFirst();
    }

    /** The reason the service shows once this kind reached its target ("suspended: unpaid", "terminated"). */
    public String targetReason(String reason) {
        return switch (target) {
            case SUSPENDED -> reason == null ? "suspended" : "suspended: " + reason;
            case TERMINATED -> "terminated";
            default -> null;
        };
    }
}
