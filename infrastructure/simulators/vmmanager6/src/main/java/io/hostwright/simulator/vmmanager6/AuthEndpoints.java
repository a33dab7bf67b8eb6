package io.hostwright.simulator.vmmanager6;

import io.hostwright.simulators.http.Router;

import java.util.Set;

/**
 * The auth service: a token for e-mail + password, SSO keys for an account, and the page a key opens once.
 * [V] {@code POST /auth/v4/public/token} → 201 {@code token}; [C] {@code POST /auth/v4/user/{email}/key} →
 * {@code key}, the browser opening {@code /auth/key-v4/{key}}. Ours: {@code expires_at}, the 401 / 1004 for bad
 * credentials, keys that work once (then 410) and the 409 / 1007 for a suspended account.
 */
final class AuthEndpoints {

    static final String TOKEN = "/auth/v4/public/token";
    static final String KEY_PAGE = "/auth/key-v4/{key}";
    /** Routes that need no {@code x-xsrf-token}. */
    static final Set<String> PUBLIC = Set.of(TOKEN, KEY_PAGE);

    private final World world;

    AuthEndpoints(World world) {
        this.world = world;
    }

    void register(Router<Endpoint> router) {
        router.add("POST", TOKEN, this::token)
                .add("POST", "/auth/v4/user/{email}/key", this::ssoKey)
                .add("GET", KEY_PAGE, this::keyPage);
    }

    private Object token(ApiRequest request) {
        String email = request.text("email");
        String password = request.text("password");
        return world.locked(() -> {
            AccountState account = world.accounts.values().stream()
                    .filter(a -> a.email.equalsIgnoreCase(email.trim()))
                    .findFirst().orElse(null);
            if (account == null || !account.password.equals(password) || account.suspended) {
                throw new ApiError(401, ApiError.BAD_CREDENTIALS, "Invalid e-mail or password", null);
            }
            String token = world.issueToken(account.id);
            return new Answer.Status(201, Json.obj("token", token,
                    "expires_at", world.tokens.get(token).expiresAt()));
        });
    }

    private Object ssoKey(ApiRequest request) {
        String email = request.param("email");
        return world.locked(() -> {
            AccountState account = world.accounts.values().stream()
                    .filter(a -> a.email.equalsIgnoreCase(email))
                    .findFirst()
                    .orElseThrow(() -> ApiError.notFound("Account", email));
            if (account.suspended) {
                throw ApiError.conflict(ApiError.ACCOUNT_SUSPENDED, "Account is suspended", email);
            }
            return Json.obj("key", world.issueSsoKey(account.id));
        });
    }

    /** 200 once; 410 once used or when its account is gone or suspended; 404 for a key never issued. */
    private Object keyPage(ApiRequest request) {
        String key = request.param("key");
        return world.locked(() -> {
            World.SsoKey sso = world.ssoKeys.get(key);
            if (sso == null) {
                return new Answer.Page(404, "Unknown login link");
            }
            AccountState account = world.accounts.get(sso.accountId);
            if (sso.used || account == null || account.suspended) {
                return new Answer.Page(410, "This login link was already used or is no longer valid");
            }
            sso.used = true;
            return new Answer.Page(200, "Logged in as " + account.email);
        });
    }
}
