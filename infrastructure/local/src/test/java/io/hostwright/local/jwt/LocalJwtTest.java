package io.hostwright.local.jwt;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalJwtTest {

    private static final String ISSUER = "http://127.0.0.1:3000/local";
    private static final KeyPair KEYS = LocalJwt.newKeyPair();
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final LocalJwt jwt = new LocalJwt(ISSUER, LocalJwt.AUDIENCE, KEYS, CLOCK);

    @Test
    void verifiesWhatItIssued() throws Exception {
        String token = jwt.issue("alice", "alice@example.com", "admin billing", Duration.ofMinutes(5));

        Map<String, Object> claims = jwt.verify(token);

        assertThat(claims).containsEntry("sub", "alice")
                .containsEntry("email", "alice@example.com")
                .containsEntry("iss", ISSUER)
                .containsEntry("aud", LocalJwt.AUDIENCE)
                .containsEntry("scope", "admin billing");
        assertThat(((Number) claims.get("exp")).longValue()).isEqualTo(NOW.plusSeconds(300).getEpochSecond());
        assertThat(header(token)).contains("\"alg\":\"RS256\"");
    }

    @Test
    void customerTokensCarryNoScope() throws Exception {
        assertThat(jwt.verify(jwt.issue("bob", "bob@example.com", null, Duration.ofMinutes(5)))).doesNotContainKey("scope");
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        LocalJwt impostor = new LocalJwt(ISSUER, LocalJwt.AUDIENCE, LocalJwt.newKeyPair(), CLOCK);
        String forged = impostor.issue("alice", "alice@example.com", "admin", Duration.ofMinutes(5));
        // the impostor's kid differs; name ours so the signature check itself must refuse
        String[] parts = forged.split("\\.");
        String ourKid = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + jwt.keyId() + "\"}") + "."
                + parts[1] + "." + parts[2];

        assertThatThrownBy(() -> jwt.verify(forged)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("not in the issuer's JWKS");
        assertThatThrownBy(() -> jwt.verify(ourKid)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void needsTheKidOfItsKeyAsApiGatewayDoes() {
        Map<String, Object> claims = Map.of("iss", ISSUER, "aud", LocalJwt.AUDIENCE, "sub", "alice",
                "exp", NOW.plusSeconds(60).getEpochSecond());

        assertThatThrownBy(() -> jwt.verify(jwt.sign(Map.of("alg", "RS256", "typ", "JWT"), claims)))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("kid");
        assertThatThrownBy(() -> jwt.verify(jwt.sign(Map.of("alg", "RS256", "kid", "rotated-away"), claims)))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("rotated-away");
        assertThatThrownBy(() -> jwt.verify(jwt.sign(Map.of("kid", jwt.keyId()), claims)))
                .as("no alg").isInstanceOf(InvalidTokenException.class).hasMessageContaining("algorithm");
    }

    @Test
    void refusesATamperedPayload() {
        String[] parts = jwt.issue("alice", "alice@example.com", null, Duration.ofMinutes(5)).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"alice\"", "\"mallory\"");
        String tampered = parts[0] + "." + encode(payload) + "." + parts[2];

        assertThatThrownBy(() -> jwt.verify(tampered)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void refusesAnExpiredToken() {
        LocalJwt earlier = new LocalJwt(ISSUER, LocalJwt.AUDIENCE, KEYS, Clock.offset(CLOCK, Duration.ofHours(-2)));
        String expired = earlier.issue("alice", "alice@example.com", null, Duration.ofHours(1));

        assertThatThrownBy(() -> jwt.verify(expired)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void refusesATokenNotValidYet() {
        LocalJwt later = new LocalJwt(ISSUER, LocalJwt.AUDIENCE, KEYS, Clock.offset(CLOCK, Duration.ofHours(1)));

        assertThatThrownBy(() -> jwt.verify(later.issue("alice", "a@example.com", null, Duration.ofHours(1))))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("nbf");
    }

    @Test
    void refusesATokenWithoutExpiry() {
        String endless = jwt.sign(Map.of("iss", ISSUER, "aud", LocalJwt.AUDIENCE, "sub", "alice"));

        assertThatThrownBy(() -> jwt.verify(endless)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("exp");
    }

    @Test
    void refusesAnotherAudience() {
        LocalJwt otherApi = new LocalJwt(ISSUER, "someone-else", KEYS, CLOCK);

        assertThatThrownBy(() -> jwt.verify(otherApi.issue("alice", "a@example.com", null, Duration.ofMinutes(5))))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("audience");
    }

    @Test
    void acceptsAnAudienceList() throws Exception {
        String token = jwt.sign(Map.of("iss", ISSUER, "aud", List.of("other", LocalJwt.AUDIENCE), "sub", "alice",
                "exp", NOW.plusSeconds(60).getEpochSecond()));

        assertThat(jwt.verify(token)).containsEntry("sub", "alice");
    }

    @Test
    void refusesAnotherIssuer() {
        LocalJwt otherIssuer = new LocalJwt("http://127.0.0.1:9999/local", LocalJwt.AUDIENCE, KEYS, CLOCK);

        assertThatThrownBy(() -> jwt.verify(otherIssuer.issue("alice", "a@example.com", null, Duration.ofMinutes(5))))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("issuer");
    }

    @Test
    void refusesAlgNone() {
        String payload = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"hostwright\",\"sub\":\"mallory\",\"scope\":\"admin\",\"exp\":"
                + NOW.plusSeconds(600).getEpochSecond() + "}";
        String unsigned = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(payload) + ".";
        String hmac = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + encode(payload) + "." + encode("x");

        assertThatThrownBy(() -> jwt.verify(unsigned)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("none");
        assertThatThrownBy(() -> jwt.verify(hmac)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("HS256");
    }

    @Test
    void refusesATokenIssuedInTheFuture() {
        String future = jwt.sign(Map.of("iss", ISSUER, "aud", LocalJwt.AUDIENCE, "sub", "alice",
                "iat", NOW.plusSeconds(120).getEpochSecond(), "exp", NOW.plusSeconds(600).getEpochSecond()));

        assertThatThrownBy(() -> jwt.verify(future)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("iat");
    }

    @Test
    void timesAreWholeSecondsWithoutLeeway() throws Exception {
        Map<String, Object> now = Map.of("iss", ISSUER, "aud", LocalJwt.AUDIENCE, "sub", "alice",
                "iat", NOW.getEpochSecond(), "nbf", NOW.getEpochSecond(), "exp", NOW.plusSeconds(1).getEpochSecond());
        String expiresNow = jwt.sign(Map.of("iss", ISSUER, "aud", LocalJwt.AUDIENCE, "sub", "alice",
                "exp", NOW.getEpochSecond()));
        String textExpiry = jwt.sign(Map.of("iss", ISSUER, "aud", LocalJwt.AUDIENCE, "sub", "alice",
                "exp", String.valueOf(NOW.plusSeconds(60).getEpochSecond())));
        String textNotBefore = jwt.sign(Map.of("iss", ISSUER, "aud", LocalJwt.AUDIENCE, "sub", "alice",
                "nbf", "yesterday", "exp", NOW.plusSeconds(60).getEpochSecond()));

        assertThat(jwt.verify(jwt.sign(now))).as("iat and nbf of this second, exp the next").containsKey("sub");
        assertThatThrownBy(() -> jwt.verify(expiresNow)).hasMessageContaining("expired");
        assertThatThrownBy(() -> jwt.verify(textExpiry)).hasMessageContaining("exp");
        assertThatThrownBy(() -> jwt.verify(textNotBefore)).hasMessageContaining("nbf");
    }

    @Test
    void looksAtClientIdOnlyWithoutAud() throws Exception {
        long exp = NOW.plusSeconds(60).getEpochSecond();
        String clientId = jwt.sign(Map.of("iss", ISSUER, "client_id", LocalJwt.AUDIENCE, "sub", "alice", "exp", exp));
        String neither = jwt.sign(Map.of("iss", ISSUER, "sub", "alice", "exp", exp));
        String audWins = jwt.sign(Map.of("iss", ISSUER, "aud", "other", "client_id", LocalJwt.AUDIENCE, "sub", "alice",
                "exp", exp));

        assertThat(jwt.verify(clientId)).containsEntry("client_id", LocalJwt.AUDIENCE);
        assertThatThrownBy(() -> jwt.verify(neither)).hasMessageContaining("audience");
        assertThatThrownBy(() -> jwt.verify(audWins)).hasMessageContaining("audience");
    }

    @Test
    void doesNotRequireSubLikeApiGateway() throws Exception {
        String noSubject = jwt.sign(Map.of("iss", ISSUER, "aud", LocalJwt.AUDIENCE, "exp", NOW.plusSeconds(60).getEpochSecond()));

        assertThat(jwt.verify(noSubject)).doesNotContainKey("sub");
    }

    @Test
    void refusesGarbage() {
        String good = jwt.issue("alice", "alice@example.com", null, Duration.ofMinutes(5));
        String[] parts = good.split("\\.");
        for (String garbage : new String[]{"not-a-jwt", "a.b.c", parts[0] + "." + parts[1], good + ".", "..",
                encode("[1]") + "." + parts[1] + "." + parts[2], encode("null") + "." + parts[1] + "." + parts[2],
                parts[0] + "." + encode("not json") + "." + parts[2], parts[0] + "." + parts[1] + ".!!!",
                parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20)}) {
            assertThatThrownBy(() -> jwt.verify(garbage)).as(garbage).isInstanceOf(InvalidTokenException.class);
        }
        assertThatThrownBy(() -> jwt.verify(null)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void publishesItsKeyAsJwks() {
        @SuppressWarnings("unchecked")
        Map<String, Object> key = ((List<Map<String, Object>>) jwt.jwks().get("keys")).getFirst();

        assertThat(key).containsEntry("kty", "RSA").containsEntry("alg", "RS256").containsEntry("e", "AQAB");
        assertThat((String) key.get("n")).hasSizeGreaterThan(300);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }
}
