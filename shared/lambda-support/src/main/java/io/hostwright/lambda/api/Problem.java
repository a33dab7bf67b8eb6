package io.hostwright.lambda.api;

import io.hostwright.domain.problem.Violation;

import java.util.List;

/**
 * RFC 9457 problem details, the one error shape of the API ({@code application/problem+json}). {@code errors}
 * names each field at fault.
 */
public record Problem(String type, String title, int status, String detail, List<Violation> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem("https://hostwright.io/problems/" + slug, title, status, detail, null);
    }
}
