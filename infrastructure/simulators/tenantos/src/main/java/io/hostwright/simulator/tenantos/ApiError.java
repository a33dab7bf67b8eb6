package io.hostwright.simulator.tenantos;

/** An answer other than success: the status and the {@code message} TenantOS would put in the envelope. */
final class ApiError extends RuntimeException {

    private final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiError notFound(String what) {
        return new ApiError(404, what + " not found");
    }

    static ApiError required(String field) {
        return new ApiError(422, "The " + field + " field is required.");
    }

    static ApiError invalid(String field) {
        return new ApiError(422, "The selected " + field + " is invalid.");
    }
}
