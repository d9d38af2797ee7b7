package com.mizani.app.identity;

import com.mizani.app.identity.ClientRegistry.ClientInfo;
import com.mizani.app.identity.ClientRegistry.IssuedSecret;
import com.mizani.app.identity.SigningKeys.KeyInfo;
import com.mizani.app.identity.UserRegistry.UserInfo;
import com.mizani.command.support.Caller;
import com.mizani.query.support.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The embedded issuer's administration: clients (applications), users (people) and signing keys. A client's
 * secret is in the answer that creates or rotates it, and nowhere else, ever. Every change records who made it.
 * The same operations are on the command line: {@code java -jar mizani.jar clients|users|keys ...}.
 */
@RestController
@RequestMapping("/api/v1/admin")
@ConditionalOnEmbeddedIssuer
public class IdentityAdminController {

    private final ClientRegistry clients;
    private final UserRegistry users;
    private final SigningKeys keys;
    private final LocalPrincipalStatus status;

    public IdentityAdminController(ClientRegistry clients, UserRegistry users, SigningKeys keys,
                                   com.mizani.app.security.PrincipalStatus status) {
        this.clients = clients;
        this.users = users;
        this.keys = keys;
        this.status = status instanceof LocalPrincipalStatus local ? local : null;
    }

    public record NewClient(String name, List<String> roles, String ownerId, List<String> redirectUris) {
    }

    /** A client with its secret: the one answer in which the secret appears. */
    public record ClientWithSecret(String clientId, String clientSecret, String name, List<String> roles, UUID ownerId,
                                   boolean enabled, List<String> redirectUris, Instant createdAt, String createdBy) {
        static ClientWithSecret of(IssuedSecret issued) {
            ClientInfo client = issued.client();
            return new ClientWithSecret(client.clientId(), issued.clientSecret(), client.name(), client.roles(),
                    client.ownerId(), client.enabled(), client.redirectUris(), client.createdAt(), client.createdBy());
        }
    }

    @PostMapping("/clients")
    public ResponseEntity<ClientWithSecret> createClient(@RequestBody NewClient request, Caller caller) {
        IssuedSecret issued = clients.create(request.name(), request.roles(), request.ownerId(), request.redirectUris(),
                caller.principal());
        return ResponseEntity.created(URI.create("/api/v1/admin/clients/" + issued.client().clientId()))
                .body(ClientWithSecret.of(issued));
    }

    @GetMapping("/clients")
    public Page<ClientInfo> clients(@RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) String cursor) {
        return clients.list(limit, cursor);
    }

    @GetMapping("/clients/{clientId}")
    public ClientInfo client(@PathVariable String clientId) {
        return clients.get(clientId);
    }

    @PostMapping("/clients/{clientId}/disable")
    public ClientInfo disableClient(@PathVariable String clientId, Caller caller) {
        return forgotten(Caller.CLIENT_PREFIX + clientId, clients.setEnabled(clientId, false, caller.principal()));
    }

    @PostMapping("/clients/{clientId}/enable")
    public ClientInfo enableClient(@PathVariable String clientId, Caller caller) {
        return forgotten(Caller.CLIENT_PREFIX + clientId, clients.setEnabled(clientId, true, caller.principal()));
    }

    @PostMapping("/clients/{clientId}/rotate-secret")
    public ClientWithSecret rotateSecret(@PathVariable String clientId, Caller caller) {
        return ClientWithSecret.of(clients.rotateSecret(clientId, caller.principal()));
    }

    public record NewUser(String username, String password, List<String> roles, String ownerId) {
    }

    @PostMapping("/users")
    public ResponseEntity<UserInfo> createUser(@RequestBody NewUser request, Caller caller) {
        UserInfo user = users.create(request.username(), request.password(), request.roles(), request.ownerId(),
                caller.principal());
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + user.username())).body(user);
    }

    @GetMapping("/users")
    public Page<UserInfo> users(@RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String cursor) {
        return users.list(limit, cursor);
    }

    @GetMapping("/users/{username}")
    public UserInfo user(@PathVariable String username) {
        return users.get(username);
    }

    @PostMapping("/users/{username}/disable")
    public UserInfo disableUser(@PathVariable String username, Caller caller) {
        return forgotten(Caller.USER_PREFIX + username, users.setEnabled(username, false, caller.principal()));
    }

    @PostMapping("/users/{username}/enable")
    public UserInfo enableUser(@PathVariable String username, Caller caller) {
        return forgotten(Caller.USER_PREFIX + username, users.setEnabled(username, true, caller.principal()));
    }

    public record NewPassword(String password) {
    }

    @PostMapping("/users/{username}/password")
    public UserInfo setPassword(@PathVariable String username, @RequestBody NewPassword request, Caller caller) {
        return users.setPassword(username, request.password(), caller.principal());
    }

    @GetMapping("/keys")
    public Map<String, List<KeyInfo>> keys() {
        return Map.of("keys", keys.list());
    }

    /** A new signing key; {@code immediately=true} also stops the tokens the old keys signed (a leaked key). */
    @PostMapping("/keys/rotate")
    public ResponseEntity<KeyInfo> rotateKeys(@RequestParam(defaultValue = "false") boolean immediately, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(keys.rotate(caller.principal(), immediately));
    }

    private <T> T forgotten(String principal, T answer) {
        if (status != null) {
            status.forget(principal);
        }
        return answer;
    }
}
