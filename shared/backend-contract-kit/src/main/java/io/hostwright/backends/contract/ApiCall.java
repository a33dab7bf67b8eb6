package io.hostwright.backends.contract;

import java.util.Objects;

/**
 * One call of a back-end's API, as its module makes it, for the suite to make, fail and count.
 *
 * @param name         how the test report names it, e.g. {@code createUser}
 * @param route        the call's route as the back-end's {@link ScriptedFailures} understand it, e.g.
 *                     {@code POST /api/users}: failures are scripted on it and its calls counted
 * @param safeToRepeat whether the adapter repeats it after a transient failure (a read, or a write that sets a
 *                     state, so a repeat lands in the same place); an unsafe call is made once whatever happens,
 *                     because a repeat could do its work twice (create, start, reset)
 * @param use          the call on a client of a fresh back-end: it may make other calls first to set the scene
 *                     (create the user it deletes) and may assert on the answer, but it calls {@code route} exactly
 *                     once
 * @param <A>          the back-end's API port
 */
public record ApiCall<A>(String name, String route, boolean safeToRepeat, Use<A> use) {

    /** The call made on a client; a failure is thrown, as the adapter throws it. */
    @FunctionalInterface
    public interface Use<A> {
        void on(A api) throws Exception;
    }

    public ApiCall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(use, "use");
    }

    public static <A> ApiCall<A> safe(String name, String route, Use<A> use) {
        return new ApiCall<>(name, route, true, use);
    }

    public static <A> ApiCall<A> unsafe(String name, String route, Use<A> use) {
        return new ApiCall<>(name, route, false, use);
    }

    @Override
    public String toString() {
        return name + " (" + route + ")";
    }
}
