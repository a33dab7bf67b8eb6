package io.hostwright.simulator.vmmanager6;

/**
 * An answer other than success: the HTTP status and VMmanager's error object
 * {@code {"error": {"code", "msg", "value"}}} ({@code value} names the field or the id at fault, null when none).
 */
final class ApiError extends RuntimeException {

    static final int SESSION_EXPIRED = 1000;
    static final int UNKNOWN_ROUTE = 1001;
    static final int INVALID_VALUE = 1002;
    static final int NOT_FOUND = 1003;
    static final int BAD_CREDENTIALS = 1004;
    static final int EMAIL_TAKEN = 1005;
    static final int ACCOUNT_OWNS_HOSTS = 1006;
    static final int ACCOUNT_SUSPENDED = 1007;
    static final int NO_FREE_IPV4 = 1010;
    static final int CLUSTER_FULL = 1011;
    static final int HOST_BUSY = 1020;
    static final int UNAUTHORIZED = 3001;

    private final int status;
    private final int code;
    private final Object value;

    ApiError(int status, int code, String msg, Object value) {
        super(msg, null, false, false);
        this.status = status;
        this.code = code;
        this.value = value;
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }

    Object value() {
        return value;
    }

    Object body() {
        return Json.obj("error", Json.obj("code", code, "msg", getMessage(), "value", value));
    }

    /** 400 / 1002, {@code value} = the field. */
    static ApiError invalid(String field, String why) {
        return new ApiError(400, INVALID_VALUE, "Invalid value of field '" + field + "': " + why, field);
    }

    static ApiError required(String field) {
        return new ApiError(400, INVALID_VALUE, "Field '" + field + "' is required", field);
    }

    /** 404 / 1003, {@code value} = the id as given (a number when it is one). */
    static ApiError notFound(String what, Object id) {
        return new ApiError(404, NOT_FOUND, what + " not found", id);
    }

    static ApiError conflict(int code, String msg, Object value) {
        return new ApiError(409, code, msg, value);
    }

    static ApiError sessionExpired() {
        return new ApiError(401, SESSION_EXPIRED, "Session expired", null);
    }
}
