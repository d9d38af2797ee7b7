package com.mizani.app.identity;

import com.mizani.app.security.SecurityProperties;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.query.support.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The applications that may ask the embedded issuer for tokens. Spring Authorization Server keeps a client's
 * credentials ({@code oauth2_registered_client}, the secret as an Argon2id hash); this registry keeps what Mizani
 * needs besides: its roles, the owner a customer client is bound to, whether it is enabled, and who changed it.
 * A secret is shown once, when it is made; only its hash is stored.
 */
public class ClientRegistry {

    private static final Logger log = LoggerFactory.getLogger(ClientRegistry.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,99}");
    private static final int MAX_NAME = 100;
    private static final int MAX_REDIRECT_URIS = 10;

    /** A client as the admin API shows it; never its secret. */
    public record ClientInfo(String clientId, String name, List<String> roles, UUID ownerId, boolean enabled,
                             List<String> redirectUris, Instant createdAt, String createdBy, Instant updatedAt,
                             String updatedBy) {
    }

    /** A client with the secret it was just given: the only time the secret is shown. */
    public record IssuedSecret(ClientInfo client, String clientSecret) {
    }

    private final JdbcClient jdbc;
    private final RegisteredClientRepository credentials;
    private final PasswordEncoder hashing;
    private final TransactionTemplate transactions;
    private final SecurityProperties settings;

    public ClientRegistry(JdbcClient jdbc, RegisteredClientRepository credentials, PasswordEncoder hashing,
                          TransactionTemplate transactions, SecurityProperties settings) {
        this.jdbc = jdbc;
        this.credentials = credentials;
        this.hashing = hashing;
        this.transactions = transactions;
        this.settings = settings;
    }

    /** A new client with a generated id (from its name) and secret. */
    public IssuedSecret create(String name, List<String> roleNames, String ownerId, List<String> redirectUris, String actor) {
        String checkedName = checkedName(name);
        RoleAssignment roles = RoleAssignment.of(roleNames, ownerId);
        List<String> redirects = checkedRedirectUris(redirectUris);
        return create(generatedId(checkedName), checkedName, roles, redirects, newSecret(), actor);
    }

    /** The bootstrap admin: a fixed id, and a secret the operator may choose. */
    IssuedSecret createWithId(String clientId, String name, RoleAssignment roles, String secret, String actor) {
        return create(clientId, name, roles, List.of(), secret, actor);
    }

    private IssuedSecret create(String clientId, String name, RoleAssignment roles, List<String> redirects,
                                String secret, String actor) {
        RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret(hashing.encode(secret))
                .clientName(name)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(settings.accessTokenTtl()).build());
        if (!redirects.isEmpty()) {
            // People sign in through this client (authorization code with PKCE); their tokens carry their own roles.
            client.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUris(uris -> uris.addAll(redirects))
                    .scope(OidcScopes.OPENID);
        }
        transactions.executeWithoutResult(status -> {
            credentials.save(client.build());
            jdbc.sql("""
                            INSERT INTO security_client (client_id, name, roles, owner_id, created_by, updated_by)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(clientId, name, roles.claimValues(), roles.ownerId(), actor, actor).update();
        });
        log.info("client {} ({}) created by {} with roles {}", clientId, name, actor, roles.roles());
        return new IssuedSecret(find(clientId).orElseThrow(), secret);
    }

    /**
     * A public client (no secret: PKCE proves the sign-in) through which people sign in at these redirect URIs, such
     * as the dashboards'. It carries no roles of its own: its tokens carry the signed-in person's. Redirect URIs
     * registered before (another node's, an earlier port's) are kept.
     */
    public void ensurePublicSignInClient(String clientId, String name, Collection<String> redirectUris, String actor) {
        transactions.executeWithoutResult(status -> {
            // Nodes starting together must not both create it, nor drop each other's redirect URIs.
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("client:" + clientId).query().listOfRows();
            RegisteredClient existing = credentials.findByClientId(clientId);
            Set<String> redirects = new LinkedHashSet<>(redirectUris);
            if (existing != null) {
                if (existing.getRedirectUris().containsAll(redirects)) {
                    return;
                }
                redirects.addAll(existing.getRedirectUris());
            }
            RegisteredClient client = (existing == null ? RegisteredClient.withId(UUID.randomUUID().toString())
                    : RegisteredClient.from(existing))
                    .clientId(clientId)
                    .clientName(name)
                    .clientAuthenticationMethods(methods -> {
                        methods.clear();
                        methods.add(ClientAuthenticationMethod.NONE);
                    })
                    .authorizationGrantTypes(grants -> {
                        grants.clear();
                        grants.add(AuthorizationGrantType.AUTHORIZATION_CODE);
                    })
                    .redirectUris(uris -> {
                        uris.clear();
                        uris.addAll(redirects);
                    })
                    .scopes(scopes -> {
                        scopes.clear();
                        scopes.add(OidcScopes.OPENID);
                    })
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(settings.accessTokenTtl()).build())
                    .build();
            credentials.save(client);
            if (existing == null) {
                jdbc.sql("""
                                INSERT INTO security_client (client_id, name, roles, owner_id, created_by, updated_by)
                                VALUES (?, ?, ?, NULL, ?, ?) ON CONFLICT (client_id) DO NOTHING""")
                        .params(clientId, name, new String[0], actor, actor).update();
                log.info("sign-in client {} ({}) created by {}", clientId, name, actor);
            }
        });
    }

    public Optional<ClientInfo> find(String clientId) {
        return jdbc.sql("""
                        SELECT c.*, r.redirect_uris FROM security_client c
                        JOIN oauth2_registered_client r ON r.client_id = c.client_id WHERE c.client_id = ?""")
                .param(clientId).query(ClientRegistry::row).optional();
    }

    public ClientInfo get(String clientId) {
        return find(clientId).orElseThrow(() -> new MizaniException(ErrorCode.CLIENT_NOT_FOUND,
                "client " + clientId + " does not exist"));
    }

    public Page<ClientInfo> list(Integer limit, String cursor) {
        int pageSize = Page.checkedLimit(limit);
        long after = Page.decodeCursor(cursor);
        List<Row> rows = jdbc.sql("""
                        SELECT c.*, r.redirect_uris FROM security_client c
                        JOIN oauth2_registered_client r ON r.client_id = c.client_id
                        WHERE c.seq > ? ORDER BY c.seq LIMIT ?""")
                .params(after, pageSize + 1)
                .query((rs, n) -> new Row(rs.getLong("seq"), row(rs, n))).list();
        List<ClientInfo> page = rows.stream().limit(pageSize).map(Row::client).toList();
        return new Page<>(page, rows.size() > pageSize ? Page.encodeCursor(rows.get(pageSize - 1).seq()) : null);
    }

    public ClientInfo setEnabled(String clientId, boolean enabled, String actor) {
        int changed = jdbc.sql("UPDATE security_client SET enabled = ?, updated_at = now(), updated_by = ? WHERE client_id = ?")
                .params(enabled, actor, clientId).update();
        if (changed == 0) {
            throw new MizaniException(ErrorCode.CLIENT_NOT_FOUND, "client " + clientId + " does not exist");
        }
        log.info("client {} {} by {}", clientId, enabled ? "enabled" : "disabled", actor);
        return get(clientId);
    }

    /** A new secret; the old one stops working at once. */
    public IssuedSecret rotateSecret(String clientId, String actor) {
        RegisteredClient current = Optional.ofNullable(credentials.findByClientId(clientId))
                .orElseThrow(() -> new MizaniException(ErrorCode.CLIENT_NOT_FOUND, "client " + clientId + " does not exist"));
        String secret = newSecret();
        transactions.executeWithoutResult(status -> {
            credentials.save(RegisteredClient.from(current).clientSecret(hashing.encode(secret)).build());
            jdbc.sql("UPDATE security_client SET updated_at = now(), updated_by = ? WHERE client_id = ?")
                    .params(actor, clientId).update();
        });
        log.info("client {} secret rotated by {}", clientId, actor);
        return new IssuedSecret(get(clientId), secret);
    }

    /** Whether a client may get and use tokens; unknown clients may not. */
    public boolean isEnabled(String clientId) {
        return jdbc.sql("SELECT enabled FROM security_client WHERE client_id = ?").param(clientId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** The roles and owner that go into an enabled client's tokens. */
    Optional<RoleAssignment> assignmentOf(String clientId) {
        return jdbc.sql("SELECT roles, owner_id FROM security_client WHERE client_id = ? AND enabled")
                .param(clientId)
                .query((rs, n) -> new RoleAssignment(com.mizani.app.security.Role.parse(roles(rs.getArray("roles"))),
                        rs.getObject("owner_id", UUID.class)))
                .optional();
    }

    private record Row(long seq, ClientInfo client) {
    }

    private static ClientInfo row(ResultSet rs, int n) throws SQLException {
        String redirects = rs.getString("redirect_uris");
        return new ClientInfo(rs.getString("client_id"), rs.getString("name"), roles(rs.getArray("roles")),
                rs.getObject("owner_id", UUID.class), rs.getBoolean("enabled"),
                redirects == null || redirects.isBlank() ? List.of() : Arrays.asList(redirects.split(",")),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    static List<String> roles(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static String checkedName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME || !stripped.chars().allMatch(c -> c >= 0x20 && c != 0x7F)) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    "name is required: 1 to " + MAX_NAME + " printable characters");
        }
        return stripped;
    }

    private static List<String> checkedRedirectUris(List<String> uris) {
        if (uris == null) {
            return List.of();
        }
        if (uris.size() > MAX_REDIRECT_URIS) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "at most " + MAX_REDIRECT_URIS + " redirectUris");
        }
        for (String uri : uris) {
            if (!isAbsoluteHttp(uri)) {
                throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                        "each redirectUri must be an absolute http or https URI without a fragment, at most 500 characters");
            }
        }
        return List.copyOf(uris);
    }

    private static boolean isAbsoluteHttp(String uri) {
        try {
            URI parsed = uri == null || uri.length() > 500 || uri.contains(",") ? null : new URI(uri);
            return parsed != null && parsed.getHost() != null && parsed.getFragment() == null
                    && ("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()));
        } catch (java.net.URISyntaxException malformed) {
            return false;
        }
    }

    /** A readable id from the name, made unique by a random suffix: {@code payroll-service-3f9a1c2e}. */
    private String generatedId(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        slug = slug.length() > 40 ? slug.substring(0, 40).replaceAll("-+$", "") : slug;
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        String id = (slug.isEmpty() ? "client" : slug) + "-" + HexFormat.of().formatHex(suffix);
        if (!CLIENT_ID.matcher(id).matches()) {
            throw new IllegalStateException("generated an invalid client id: " + id);
        }
        return id;
    }

    static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
