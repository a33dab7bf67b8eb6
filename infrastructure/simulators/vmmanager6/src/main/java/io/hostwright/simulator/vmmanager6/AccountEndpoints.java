package io.hostwright.simulator.vmmanager6;

import io.hostwright.simulators.http.Router;

import java.util.Map;

/**
 * Accounts: [C] list (filter by e-mail) and create with {@code email}, {@code password}, {@code role} → {@code id}.
 * Ours: 201 on create, 409 / 1005 for an e-mail taken, delete refused (409 / 1006) while the account owns hosts,
 * suspend and resume.
 */
final class AccountEndpoints {

    private final World world;

    AccountEndpoints(World world) {
        this.world = world;
    }

    void register(Router<Endpoint> router) {
        router.add("GET", "/vm/v3/account", this::list)
                .add("POST", "/vm/v3/account", this::create)
                .add("DELETE", "/vm/v3/account/{id}", this::delete)
                .add("POST", "/vm/v3/account/{id}/suspend", r -> suspend(r, true))
                .add("POST", "/vm/v3/account/{id}/resume", r -> suspend(r, false));
    }

    private Object list(ApiRequest request) {
        return world.locked(() -> ListQuery.answer(world.accounts.values().stream().map(Views::account).toList(),
                request.query()));
    }

    private Object create(ApiRequest request) {
        String email = request.text("email").trim();
        int at = email.indexOf('@');
        if (at <= 0 || at == email.length() - 1 || email.contains(" ")) {
            throw ApiError.invalid("email", "not an e-mail address");
        }
        String password = request.text("password");
        String role = request.present("role") ? request.text("role") : "@user";
        if (!role.equals("@user") && !role.equals("@admin")) {
            throw ApiError.invalid("role", "must be @user or @admin");
        }
        return world.locked(() -> {
            if (world.accounts.values().stream().anyMatch(a -> a.email.equalsIgnoreCase(email))) {
                throw ApiError.conflict(ApiError.EMAIL_TAKEN, "Account with this e-mail already exists", email);
            }
            AccountState account = new AccountState(world.nextAccountId++, email, password, role);
            world.accounts.put(account.id, account);
            return new Answer.Status(201, Json.obj("id", account.id));
        });
    }

    private Object delete(ApiRequest request) {
        long id = request.id("id", "Account");
        return world.locked(() -> {
            world.account(id);
            if (world.hosts.values().stream().anyMatch(h -> h.accountId == id)) {
                throw ApiError.conflict(ApiError.ACCOUNT_OWNS_HOSTS, "Account owns hosts", id);
            }
            world.accounts.remove(id);
            world.tokens.values().removeIf(t -> t.accountId() == id);
            return Map.of();
        });
    }

    private Object suspend(ApiRequest request, boolean suspended) {
        long id = request.id("id", "Account");
        return world.locked(() -> {
            world.account(id).suspended = suspended;
            return Map.of();
        });
    }
}
