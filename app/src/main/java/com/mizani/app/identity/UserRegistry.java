package com.mizani.app.identity;

import com.mizani.app.security.Role;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.query.support.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * People who sign in at the embedded issuer's {@code /login} (the authorization-code flow with PKCE). A password is
 * stored as an Argon2id hash and never shown again; roles and the owner a customer is bound to go into the tokens.
 */
public class UserRegistry implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(UserRegistry.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");
    static final int MIN_PASSWORD = 12;
    private static final int MAX_PASSWORD = 128;

    /** A user as the admin API shows it; never the password. */
    public record UserInfo(String username, List<String> roles, UUID ownerId, boolean enabled, Instant createdAt,
                           String createdBy, Instant updatedAt, String updatedBy) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder hashing;

    public UserRegistry(JdbcClient jdbc, PasswordEncoder hashing) {
        this.jdbc = jdbc;
        this.hashing = hashing;
    }

    public UserInfo create(String username, String password, List<String> roleNames, String ownerId, String actor) {
        String name = checkedUsername(username);
        RoleAssignment roles = RoleAssignment.of(roleNames, ownerId);
        String hash = hashing.encode(checkedPassword(password));
        try {
            jdbc.sql("""
                            INSERT INTO security_user (username, password_hash, roles, owner_id, created_by, updated_by)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(name, hash, roles.claimValues(), roles.ownerId(), actor, actor).update();
        } catch (DuplicateKeyException taken) {
            throw new MizaniException(ErrorCode.USER_EXISTS, "user " + name + " already exists");
        }
        log.info("user {} created by {} with roles {}", name, actor, roles.roles());
        return get(name);
    }

    public Optional<UserInfo> find(String username) {
        return jdbc.sql("SELECT * FROM security_user WHERE username = ?").param(username)
                .query(UserRegistry::row).optional();
    }

    public UserInfo get(String username) {
        return find(username).orElseThrow(() -> new MizaniException(ErrorCode.USER_NOT_FOUND,
                "user " + username + " does not exist"));
    }

    public Page<UserInfo> list(Integer limit, String cursor) {
        int pageSize = Page.checkedLimit(limit);
        long after = Page.decodeCursor(cursor);
        List<Row> rows = jdbc.sql("SELECT * FROM security_user WHERE seq > ? ORDER BY seq LIMIT ?")
                .params(after, pageSize + 1)
                .query((rs, n) -> new Row(rs.getLong("seq"), row(rs, n))).list();
        List<UserInfo> page = rows.stream().limit(pageSize).map(Row::user).toList();
        return new Page<>(page, rows.size() > pageSize ? Page.encodeCursor(rows.get(pageSize - 1).seq()) : null);
    }

    public UserInfo setEnabled(String username, boolean enabled, String actor) {
        update("enabled = ?", enabled, username, actor);
        log.info("user {} {} by {}", username, enabled ? "enabled" : "disabled", actor);
        return get(username);
    }

    /** A new password; the old one stops working at once (tokens already issued run out on their own). */
    public UserInfo setPassword(String username, String password, String actor) {
        update("password_hash = ?", hashing.encode(checkedPassword(password)), username, actor);
        log.info("user {} password changed by {}", username, actor);
        return get(username);
    }

    public boolean isEnabled(String username) {
        return jdbc.sql("SELECT enabled FROM security_user WHERE username = ?").param(username)
                .query(Boolean.class).optional().orElse(false);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, roles, enabled FROM security_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .disabled(!rs.getBoolean("enabled"))
                        .authorities(ClientRegistry.roles(rs.getArray("roles")).stream()
                                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList())
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** The roles and owner that go into a signed-in user's token. */
    Optional<RoleAssignment> assignmentOf(String username) {
        return jdbc.sql("SELECT roles, owner_id FROM security_user WHERE username = ? AND enabled")
                .param(username)
                .query((rs, n) -> new RoleAssignment(Role.parse(ClientRegistry.roles(rs.getArray("roles"))),
                        rs.getObject("owner_id", UUID.class)))
                .optional();
    }

    private void update(String assignment, Object value, String username, String actor) {
        int changed = jdbc.sql("UPDATE security_user SET " + assignment + ", updated_at = now(), updated_by = ? WHERE username = ?")
                .params(value, actor, username).update();
        if (changed == 0) {
            throw new MizaniException(ErrorCode.USER_NOT_FOUND, "user " + username + " does not exist");
        }
    }

    private record Row(long seq, UserInfo user) {
    }

    private static UserInfo row(ResultSet rs, int n) throws SQLException {
        return new UserInfo(rs.getString("username"), ClientRegistry.roles(rs.getArray("roles")),
                rs.getObject("owner_id", UUID.class), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private static String checkedUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    "username must be 3 to 100 letters, digits, '.', '_', '@' or '-'");
        }
        return username;
    }

    private static String checkedPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    "password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        return password;
    }
}
