package io.hostwright.domain.control;

/**
 * The rescue system's state. {@code rootPassword} is given only in the answer that started it (and never kept in
 * an idempotency answer); null otherwise.
 */
public record RescueAccess(boolean active, String rootPassword) {
}
