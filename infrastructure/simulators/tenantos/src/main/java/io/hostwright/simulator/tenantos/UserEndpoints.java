package io.hostwright.simulator.tenantos;

import io.hostwright.simulators.http.Router;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Users (the customer accounts servers are given to), their client-area login tokens, and roles. */
final class UserEndpoints {

    static final long DEFAULT_SSO_SECONDS = 300;
    static final long MAX_SSO_SECONDS = 86_400;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final World world;

    UserEndpoints(World world) {
        this.world = world;
    }

    void register(Router<Endpoint> router) {
        router.add("GET", "/api/users", this::list)
                .add("GET", "/api/users/{id}", this::get)
                .add("POST", "/api/users", this::create)
                .add("PUT", "/api/users/{id}", this::update)
                .add("DELETE", "/api/users/{id}", this::delete)
                .add("POST", "/api/users/{id}/generateSsoToken", this::ssoToken)
                .add("GET", "/api/roles", this::roles);
    }

    private Object list(ApiRequest request) {
        return world.locked(() -> world.users.values().stream().map(Views::user).toList());
    }

    private Object get(ApiRequest request) {
        long id = request.id("id", "User");
        return world.locked(() -> Views.user(world.user(id)));
    }

    private Object create(ApiRequest request) {
        String name = request.requiredText("name", "name");
        String username = request.requiredText("username", "username");
        String password = request.requiredText("password", "password");
        String email = email(request.requiredText("email", "email"));
        long roleId = request.requiredLong("role_id", "role id");
        return world.locked(() -> {
            checkRole(roleId);
            checkUnique(0, email, username);
            UserState user = new UserState(world.nextUserId++, name, username, email, password, roleId);
            world.users.put(user.id, user);
            return Views.user(user);
        });
    }

    private Object update(ApiRequest request) {
        long id = request.id("id", "User");
        String name = request.present("name") ? request.requiredText("name", "name") : null;
        String username = request.present("username") ? request.requiredText("username", "username") : null;
        String password = request.present("password") ? request.requiredText("password", "password") : null;
        String email = request.present("email") ? email(request.requiredText("email", "email")) : null;
        Long roleId = request.present("role_id") ? request.requiredLong("role_id", "role id") : null;
        return world.locked(() -> {
            UserState user = world.user(id);
            if (roleId != null) {
                checkRole(roleId);
            }
            checkUnique(id, email, username);
            if (name != null) {
                user.name = name;
            }
            if (username != null) {
                user.username = username;
            }
            if (password != null) {
                user.password = password;
            }
            if (email != null) {
                user.email = email;
            }
            if (roleId != null) {
                user.roleId = roleId;
            }
            return Views.user(user);
        });
    }

    /** Refused while the user still owns a server: the simulator's choice, so a careless client is noticed. */
    private Object delete(ApiRequest request) {
        long id = request.id("id", "User");
        return world.locked(() -> {
            world.user(id);
            if (world.servers.values().stream().anyMatch(s -> Long.valueOf(id).equals(s.userId))) {
                throw new ApiError(422, "The user still owns servers.");
            }
            world.users.remove(id);
            return true;
        });
    }

    /** A single-use token for {@code GET /tokenLogin/{authToken}} (see {@link TokenLogin}). */
    private Object ssoToken(ApiRequest request) {
        long id = request.id("id", "User");
        String endpoint = request.requiredText("endpoint", "endpoint").trim();
        if (!endpoint.startsWith("/") || endpoint.startsWith("//")) {
            throw new ApiError(422, "The endpoint must be a path starting with /.");
        }
        long seconds = request.present("validForSeconds")
                ? request.requiredLong("validForSeconds", "valid for seconds") : DEFAULT_SSO_SECONDS;
        if (seconds < 1 || seconds > MAX_SSO_SECONDS) {
            throw new ApiError(422, "The valid for seconds must be between 1 and " + MAX_SSO_SECONDS + ".");
        }
        return world.locked(() -> {
            world.user(id);
            byte[] random = new byte[20];
            RANDOM.nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            world.ssoTokens.put(token, new SsoTokenState(token, id, endpoint, world.now().plusSeconds(seconds)));
            return Json.obj("authToken", token);
        });
    }

    private Object roles(ApiRequest request) {
        return world.locked(() -> world.roles.values().stream()
                .map(r -> Json.obj("id", r.id(), "name", r.name()))
                .toList());
    }

    private void checkRole(long roleId) {
        if (!world.roles.containsKey(roleId)) {
            throw ApiError.invalid("role id");
        }
    }

    private void checkUnique(long self, String email, String username) {
        for (UserState other : world.users.values()) {
            if (other.id == self) {
                continue;
            }
            if (email != null && other.email.equalsIgnoreCase(email)) {
                throw new ApiError(422, "The email has already been taken.");
            }
            if (username != null && other.username.equalsIgnoreCase(username)) {
                throw new ApiError(422, "The username has already been taken.");
            }
        }
    }

    private static String email(String value) {
        String trimmed = value.trim();
        int at = trimmed.indexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            throw new ApiError(422, "The email must be a valid email address.");
        }
        return trimmed;
    }
}
