package io.hostwright.domain.control;

/** What a client function answered, and whether it was a replay of an earlier request with the same key. */
public record Acted<T>(T result, boolean replayed) {
}
