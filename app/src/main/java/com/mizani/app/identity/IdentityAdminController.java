package com.mizani.app.identity;

import com.mizani.app.identity.ClientRegistry.ClientInfo;
import com.mizani.app.identity.ClientRegistry.IssuedSecret;
import com.mizani.app.identity.SigningKeys.KeyInfo;
import com.mizani.app.identity.UserRegistry.UserInfo;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.identity.Caller;
import com.mizani.query.support.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
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
@Tag(name = "Admin")
public class IdentityAdminController {

    // What the operations below say alike. The controller exists only with the embedded issuer (local mode without
    // mizani.security.issuer-uri), so an outside issuer's document has none of them.
    private static final String EMBEDDED_ONLY = " Only with the embedded token issuer; an admin's call.";
    private static final String CHANGE = EMBEDDED_ONLY + " Who made the change is recorded.";
    private static final String ROLES = "The principal's roles, at least one: customer, service, teller, operator, "
            + "approver, auditor, admin. A customer holds no other role and needs an ownerId.";
    private static final String OWNER_ID = "For a customer only, and then required: the owner its tokens are bound to.";

    /** A client id: generated from the name with a random suffix (the bootstrap admin's is mizani-admin). */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(description = "The client's id.", schema = @Schema(type = "string",
            pattern = "^[a-z0-9][a-z0-9._-]{2,99}$", maxLength = 100))
    @interface ClientId {
    }

    /** A username, as creating a user checks it. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(description = "The user's username.", schema = @Schema(type = "string",
            pattern = "^[A-Za-z0-9._@-]{3,100}$", maxLength = 100))
    @interface Username {
    }

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

    public record NewClient(
            @Schema(description = "What the client is, 1 to 100 printable characters; its id is made from it.",
                    maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @ArraySchema(arraySchema = @Schema(description = ROLES, requiredMode = Schema.RequiredMode.REQUIRED),
                    minItems = 1, schema = @Schema(allowableValues = {"customer", "service", "teller", "operator",
                    "approver", "auditor", "admin"})) List<String> roles,
            @Schema(description = OWNER_ID) String ownerId,
            @ArraySchema(arraySchema = @Schema(description = "Optional: with these, the client also signs people in "
                    + "(authorization code with PKCE). Each an absolute http or https URI without a fragment or a "
                    + "comma."), maxItems = 10, schema = @Schema(format = "uri", maxLength = 500))
            List<String> redirectUris) {
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

    @Operation(operationId = "createClient", summary = "Create a client",
            description = "Creates a client (an application) with its roles, and answers it with its generated "
                    + "clientId and clientSecret: the secret is in this answer and never again. The client gets "
                    + "tokens with client_credentials and HTTP Basic at POST /oauth2/token." + CHANGE)
    @ApiResponse(responseCode = "201", description = "The client, with its secret shown this once; Location is the "
            + "client.", useReturnTypeSchema = true)
    @Refuses({ErrorCode.VALIDATION_FAILED, ErrorCode.INVALID_ID})
    @PostMapping("/clients")
    public ResponseEntity<ClientWithSecret> createClient(@io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                                 description = "The new client.", required = true)
                                                         @RequestBody NewClient request, Caller caller) {
        IssuedSecret issued = clients.create(request.name(), request.roles(), request.ownerId(), request.redirectUris(),
                caller.principal());
        return ResponseEntity.created(URI.create("/api/v1/admin/clients/" + issued.client().clientId()))
                .body(ClientWithSecret.of(issued));
    }

    @Operation(operationId = "listClients", summary = "List clients",
            description = "The clients in the order they were created, a page at a time (pass nextCursor for the "
                    + "next), each with its roles, owner, redirect URIs, whether it is enabled, and who created and "
                    + "last changed it; never a secret." + EMBEDDED_ONLY)
    @Refuses({ErrorCode.INVALID_CURSOR})
    @GetMapping("/clients")
    public Page<ClientInfo> clients(@RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) String cursor) {
        return clients.list(limit, cursor);
    }

    @Operation(operationId = "getClient", summary = "Get a client",
            description = "One client with its roles, owner, redirect URIs, whether it is enabled, and who created "
                    + "and last changed it; never its secret." + EMBEDDED_ONLY)
    @Refuses({ErrorCode.CLIENT_NOT_FOUND})
    @GetMapping("/clients/{clientId}")
    public ClientInfo client(@ClientId @PathVariable String clientId) {
        return clients.get(clientId);
    }

    @Operation(operationId = "disableClient", summary = "Disable a client",
            description = "A disabled client gets no token, and the tokens it holds stop working within "
                    + "mizani.security.principal-check-ms (5 s; at once on this node). Disabling a disabled client "
                    + "changes nothing. The answer is the client." + CHANGE)
    @Refuses({ErrorCode.CLIENT_NOT_FOUND})
    @PostMapping("/clients/{clientId}/disable")
    public ClientInfo disableClient(@ClientId @PathVariable String clientId, Caller caller) {
        return forgotten(Caller.CLIENT_PREFIX + clientId, clients.setEnabled(clientId, false, caller.principal()));
    }

    @Operation(operationId = "enableClient", summary = "Enable a client",
            description = "Lets a disabled client get and use tokens again. Enabling an enabled client changes "
                    + "nothing. The answer is the client." + CHANGE)
    @Refuses({ErrorCode.CLIENT_NOT_FOUND})
    @PostMapping("/clients/{clientId}/enable")
    public ClientInfo enableClient(@ClientId @PathVariable String clientId, Caller caller) {
        return forgotten(Caller.CLIENT_PREFIX + clientId, clients.setEnabled(clientId, true, caller.principal()));
    }

    @Operation(operationId = "rotateClientSecret", summary = "Give a client a new secret",
            description = "Generates a new secret for the client and answers it, this once; the old secret stops "
                    + "working at once. Tokens already issued run until they expire (disable the client to stop "
                    + "them)." + CHANGE)
    @Refuses({ErrorCode.CLIENT_NOT_FOUND})
    @PostMapping("/clients/{clientId}/rotate-secret")
    public ClientWithSecret rotateSecret(@ClientId @PathVariable String clientId, Caller caller) {
        return ClientWithSecret.of(clients.rotateSecret(clientId, caller.principal()));
    }

    public record NewUser(
            @Schema(description = "The name the person signs in with: 3 to 100 letters, digits, '.', '_', '@' or '-'.",
                    pattern = "^[A-Za-z0-9._@-]{3,100}$", requiredMode = Schema.RequiredMode.REQUIRED)
            String username,
            @Schema(description = "12 to 128 characters; stored only as an Argon2id hash.", minLength = 12,
                    maxLength = 128, format = "password", requiredMode = Schema.RequiredMode.REQUIRED)
            String password,
            @ArraySchema(arraySchema = @Schema(description = ROLES, requiredMode = Schema.RequiredMode.REQUIRED),
                    minItems = 1, schema = @Schema(allowableValues = {"customer", "service", "teller", "operator",
                    "approver", "auditor", "admin"})) List<String> roles,
            @Schema(description = OWNER_ID) String ownerId) {
    }

    @Operation(operationId = "createUser", summary = "Create a user",
            description = "Creates a user (a person) with a password and roles, who signs in at /login through a "
                    + "client that has redirect URIs. A username that is taken is refused (USER_EXISTS). The answer "
                    + "is the user, never the password." + CHANGE)
    @ApiResponse(responseCode = "201", description = "The user; Location is the user.", useReturnTypeSchema = true)
    @Refuses({ErrorCode.VALIDATION_FAILED, ErrorCode.INVALID_ID, ErrorCode.USER_NOT_FOUND, ErrorCode.USER_EXISTS})
    @PostMapping("/users")
    public ResponseEntity<UserInfo> createUser(@io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                       description = "The new user.", required = true)
                                               @RequestBody NewUser request, Caller caller) {
        UserInfo user = users.create(request.username(), request.password(), request.roles(), request.ownerId(),
                caller.principal());
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + user.username())).body(user);
    }

    @Operation(operationId = "listUsers", summary = "List users",
            description = "The users in the order they were created, a page at a time (pass nextCursor for the "
                    + "next), each with its roles, owner, whether it is enabled, and who created and last changed "
                    + "it; never a password." + EMBEDDED_ONLY)
    @Refuses({ErrorCode.INVALID_CURSOR})
    @GetMapping("/users")
    public Page<UserInfo> users(@RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String cursor) {
        return users.list(limit, cursor);
    }

    @Operation(operationId = "getUser", summary = "Get a user",
            description = "One user with its roles, owner, whether it is enabled, and who created and last changed "
                    + "it; never its password." + EMBEDDED_ONLY)
    @Refuses({ErrorCode.USER_NOT_FOUND})
    @GetMapping("/users/{username}")
    public UserInfo user(@Username @PathVariable String username) {
        return users.get(username);
    }

    @Operation(operationId = "disableUser", summary = "Disable a user",
            description = "A disabled user cannot sign in, and the tokens it holds stop working within "
                    + "mizani.security.principal-check-ms (5 s; at once on this node). Disabling a disabled user "
                    + "changes nothing. The answer is the user." + CHANGE)
    @Refuses({ErrorCode.USER_NOT_FOUND})
    @PostMapping("/users/{username}/disable")
    public UserInfo disableUser(@Username @PathVariable String username, Caller caller) {
        return forgotten(Caller.USER_PREFIX + username, users.setEnabled(username, false, caller.principal()));
    }

    @Operation(operationId = "enableUser", summary = "Enable a user",
            description = "Lets a disabled user sign in and use tokens again. Enabling an enabled user changes "
                    + "nothing. The answer is the user." + CHANGE)
    @Refuses({ErrorCode.USER_NOT_FOUND})
    @PostMapping("/users/{username}/enable")
    public UserInfo enableUser(@Username @PathVariable String username, Caller caller) {
        return forgotten(Caller.USER_PREFIX + username, users.setEnabled(username, true, caller.principal()));
    }

    public record NewPassword(
            @Schema(description = "12 to 128 characters; stored only as an Argon2id hash.", minLength = 12,
                    maxLength = 128, format = "password", requiredMode = Schema.RequiredMode.REQUIRED)
            String password) {
    }

    @Operation(operationId = "setUserPassword", summary = "Set a user's password",
            description = "Replaces the user's password; the old one stops working at once, while tokens already "
                    + "issued run until they expire. The answer is the user, never the password." + CHANGE)
    @Refuses({ErrorCode.VALIDATION_FAILED, ErrorCode.USER_NOT_FOUND})
    @PostMapping("/users/{username}/password")
    public UserInfo setPassword(@Username @PathVariable String username,
                                @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The new password.",
                                        required = true)
                                @RequestBody NewPassword request, Caller caller) {
        return users.setPassword(username, request.password(), caller.principal());
    }

    @Operation(operationId = "listSigningKeys", summary = "List the token signing keys",
            description = "The embedded issuer's signing keys, never their private parts: each key's id, when and by "
                    + "whom it was created, whether it signs new tokens, and when it retires (stops verifying)."
                    + EMBEDDED_ONLY)
    @GetMapping("/keys")
    public Map<String, List<KeyInfo>> keys() {
        return Map.of("keys", keys.list());
    }

    /** A new signing key; {@code immediately=true} also stops the tokens the old keys signed (a leaked key). */
    @Operation(operationId = "rotateSigningKeys", summary = "Rotate the token signing key",
            description = "Creates a new signing key, which signs every token from now on, and answers it. The old "
                    + "keys keep verifying until their tokens have expired, then retire; with immediately=true (for a "
                    + "key that may have leaked) they stop at once, so every token issued before is refused, at once "
                    + "on this node and within 30 s on the others." + CHANGE)
    @ApiResponse(responseCode = "201", description = "The new signing key.", useReturnTypeSchema = true)
    @PostMapping("/keys/rotate")
    public ResponseEntity<KeyInfo> rotateKeys(@Parameter(description = "true to retire the old keys at once (a leaked "
                                                      + "key): every token they signed is refused.",
                                                      schema = @Schema(type = "boolean", defaultValue = "false"))
                                              @RequestParam(defaultValue = "false") boolean immediately,
                                              Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(keys.rotate(caller.principal(), immediately));
    }

    private <T> T forgotten(String principal, T answer) {
        if (status != null) {
            status.forget(principal);
        }
        return answer;
    }
}
