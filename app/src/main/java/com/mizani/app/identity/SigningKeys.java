package com.mizani.app.identity;

import com.mizani.app.security.SecurityProperties;
import com.mizani.app.security.TrustedKeys;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The embedded issuer's RSA keys, kept in PostgreSQL ({@code signing_key}) so that tokens outlive a restart and every
 * node signs and verifies with the same keys. The newest key signs; a key replaced by a rotation keeps verifying
 * until the tokens it signed have expired, then retires. The set is cached and read again after a rotation, every
 * {@link #RELOAD_MS}, or when a token names a key this node has not seen (another node rotated).
 */
public class SigningKeys implements JWKSource<SecurityContext>, TrustedKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    static final long RELOAD_MS = 30_000;
    /** A token naming an unknown key reads the keys again at most this often: such tokens cannot make every request a query. */
    static final long UNKNOWN_KEY_RELOAD_MS = 5_000;

    /** A key as the admin API shows it: never its private part. */
    public record KeyInfo(String keyId, Instant createdAt, String createdBy, Instant retiresAt, boolean signing) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SecurityProperties settings;
    private final Clock clock;
    private volatile Loaded loaded;

    private record Loaded(JWKSet keys, String signingKeyId, long at) {
    }

    public SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, SecurityProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Creates the first key if there is none; called once at start-up. */
    public void ensureOne() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('signing_key'))").query().listOfRows();
            if (jdbc.sql("SELECT COUNT(*) FROM signing_key WHERE retired_at IS NULL").query(Long.class).single() == 0) {
                insert(generate(), "system");
                log.info("created the embedded issuer's first signing key");
            }
        });
        loaded = null;
    }

    /**
     * Replaces the signing key. The replaced keys keep verifying until the tokens they signed have expired, unless
     * {@code immediately}: then their tokens stop working at once (for a key that may have leaked).
     */
    public KeyInfo rotate(String actor, boolean immediately) {
        RSAKey key = generate();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('signing_key'))").query().listOfRows();
            Instant retireAt = immediately ? clock.instant()
                    : clock.instant().plus(settings.accessTokenTtl()).plus(settings.clockSkew());
            jdbc.sql("UPDATE signing_key SET retired_at = ? WHERE retired_at IS NULL OR retired_at > ?")
                    .params(Timestamp.from(retireAt), Timestamp.from(retireAt)).update();
            insert(key, actor);
        });
        loaded = null;
        log.info("signing key rotated by {}: new key {}, previous keys {}", actor, key.getKeyID(),
                immediately ? "retired at once" : "verify until their tokens expire");
        return list().stream().filter(KeyInfo::signing).findFirst().orElseThrow();
    }

    public List<KeyInfo> list() {
        String signing = current().signingKeyId();
        return jdbc.sql("SELECT key_id, created_at, created_by, retired_at FROM signing_key ORDER BY created_at DESC LIMIT 100")
                .query((rs, row) -> new KeyInfo(rs.getString("key_id"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by"),
                        rs.getTimestamp("retired_at") == null ? null : rs.getTimestamp("retired_at").toInstant(),
                        rs.getString("key_id").equals(signing)))
                .list();
    }

    /** The key id the encoder signs with. */
    public String signingKeyId() {
        return current().signingKeyId();
    }

    @Override
    public boolean trusts(String keyId) {
        return keyId != null && current().keys().getKeyByKeyId(keyId) != null;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        Loaded now = current();
        List<JWK> found = selector.select(now.keys());
        if (found.isEmpty() && selector.getMatcher().getKeyIDs() != null
                && clock.millis() - now.at() > UNKNOWN_KEY_RELOAD_MS) {
            loaded = null; // a key this node has not seen: another node may have rotated
            found = selector.select(current().keys());
        }
        return found;
    }

    private Loaded current() {
        Loaded now = loaded;
        long at = clock.millis();
        if (now == null || at - now.at() > RELOAD_MS) {
            now = load(at);
            loaded = now;
        }
        return now;
    }

    private Loaded load(long at) {
        List<StoredKey> keys = jdbc.sql("""
                        SELECT key_id, public_key, private_key, retired_at IS NULL AS signing FROM signing_key
                        WHERE retired_at IS NULL OR retired_at > now() ORDER BY created_at DESC""")
                .query((rs, row) -> new StoredKey(rs.getString("key_id"), rs.getBytes("public_key"),
                        rs.getBytes("private_key"), rs.getBoolean("signing")))
                .list();
        List<JWK> jwks = keys.stream().map(StoredKey::toJwk).map(JWK.class::cast).toList();
        String signing = keys.stream().filter(StoredKey::signing).map(StoredKey::keyId).findFirst().orElse(null);
        return new Loaded(new JWKSet(jwks), signing, at);
    }

    private void insert(RSAKey key, String actor) {
        try {
            jdbc.sql("INSERT INTO signing_key (key_id, public_key, private_key, created_by) VALUES (?, ?, ?, ?)")
                    .params(key.getKeyID(), key.toRSAPublicKey().getEncoded(), key.toRSAPrivateKey().getEncoded(), actor)
                    .update();
        } catch (com.nimbusds.jose.JOSEException impossible) {
            throw new IllegalStateException("a generated RSA key has both parts", impossible);
        }
    }

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).build();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has RSA", impossible);
        }
    }

    private record StoredKey(String keyId, byte[] publicKey, byte[] privateKey, boolean signing) {
        RSAKey toJwk() {
            try {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                RSAPublicKey publicPart = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey));
                RSAPrivateKey privatePart = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey));
                return new RSAKey.Builder(publicPart).privateKey(privatePart).keyUse(KeyUse.SIGNATURE).keyID(keyId).build();
            } catch (NoSuchAlgorithmException | InvalidKeySpecException corrupt) {
                throw new IllegalStateException("signing key " + keyId + " cannot be read", corrupt);
            }
        }
    }
}
