package io.hostwright.domain.problem;

/** One thing wrong with a request: the field (JSON path or header name) and what is wrong with it. */
public record Violation(String field, String message) {
}
