package com.mizani.app.security;

import com.mizani.app.security.AccessRule.Grant;
import com.mizani.app.security.OwnedBy.OwnerInBody;
import com.mizani.app.security.OwnedBy.OwnerInQuery;
import com.mizani.app.security.OwnedBy.TransactionInPath;
import com.mizani.app.security.OwnedBy.WalletInBody;
import com.mizani.app.security.OwnedBy.WalletInPath;
import com.mizani.app.web.RequestSizeLimitFilter;
import com.mizani.command.support.RequestFields;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.RequestMatcher.MatchResult;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ServletRequestPathUtils;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.mizani.app.security.AccessRule.delete;
import static com.mizani.app.security.AccessRule.get;
import static com.mizani.app.security.AccessRule.post;
import static com.mizani.app.security.AccessRule.put;
import static com.mizani.app.security.Role.ADMIN;
import static com.mizani.app.security.Role.APPROVER;
import static com.mizani.app.security.Role.AUDITOR;
import static com.mizani.app.security.Role.CUSTOMER;
import static com.mizani.app.security.Role.OPERATOR;
import static com.mizani.app.security.Role.SERVICE;
import static com.mizani.app.security.Role.TELLER;

/**
 * Who may do what: the one place that decides it for every API operation (docs/security.md has the same table).
 * An operation without a rule is refused to everyone, and {@code AuthorizationMatrixTest} fails the build for it.
 * A customer may act only on what it owns; anything else of another owner is answered 404, as if it did not exist.
 */
@Component
public class AccessPolicy {

    private static final Role[] READERS = {SERVICE, OPERATOR, APPROVER, AUDITOR};
    private static final Role[] STAFF = {OPERATOR, APPROVER, AUDITOR};
    private static final Role[] INVESTIGATORS = {AUDITOR, OPERATOR};

    private static final OwnedBy WALLET = new WalletInPath("walletId");
    private static final OwnedBy TRANSFER = new TransactionInPath("transferId", ErrorCode.TRANSFER_NOT_FOUND, "transfer");
    private static final OwnedBy PAYMENT = new TransactionInPath("paymentId", ErrorCode.PAYMENT_NOT_FOUND, "payment");
    private static final OwnedBy TRANSACTION =
            new TransactionInPath("transactionId", ErrorCode.TRANSACTION_NOT_FOUND, "transaction");

    // Before RULES, which names them.
    private static final Grant CASH_DEPOSIT = new Grant(EnumSet.of(TELLER), null);
    private static final Grant MOBILE_DEPOSIT = new Grant(EnumSet.of(SERVICE), new WalletInBody("walletId"));

    private static final List<AccessRule> RULES = List.of(
            // Wallets
            post("/api/v1/wallets").rolesOrOwningCustomer(new OwnerInBody("ownerId"), SERVICE),
            get("/api/v1/wallets").rolesOrOwningCustomer(new OwnerInQuery("ownerId"), READERS),
            get("/api/v1/wallets/{walletId}").rolesOrOwningCustomer(WALLET, READERS),
            get("/api/v1/wallets/{walletId}/balance").rolesOrOwningCustomer(WALLET, READERS),
            get("/api/v1/wallets/{walletId}/entries").rolesOrOwningCustomer(WALLET, READERS),
            get("/api/v1/wallets/{walletId}/statement").rolesOrOwningCustomer(WALLET, READERS),
            get("/api/v1/wallets/{walletId}/activity").rolesOrOwningCustomer(WALLET, READERS),
            post("/api/v1/wallets/{walletId}/freeze").roles(OPERATOR),
            post("/api/v1/wallets/{walletId}/unfreeze").roles(OPERATOR),
            post("/api/v1/wallets/{walletId}/close").roles(SERVICE),
            // Money in, across and out
            post("/api/v1/deposits").decidedBy(AccessPolicy::depositGrant, CASH_DEPOSIT, MOBILE_DEPOSIT),
            post("/api/v1/transfers").rolesOrOwningCustomer(new WalletInBody("sourceWalletId"), SERVICE),
            // Services only: a batch names many source wallets, and a customer moves its own money one transfer at a time.
            post("/api/v1/transfers/batch").roles(SERVICE),
            get("/api/v1/transfers/{transferId}").rolesOrOwningCustomer(TRANSFER, READERS),
            get("/api/v1/transfers/{transferId}/events").rolesOrOwningCustomer(TRANSFER, READERS),
            post("/api/v1/withdrawals").rolesOrOwningCustomer(new WalletInBody("walletId"), SERVICE),
            get("/api/v1/payments/{paymentId}").rolesOrOwningCustomer(PAYMENT, READERS),
            get("/api/v1/payments/{paymentId}/events").rolesOrOwningCustomer(PAYMENT, READERS),
            get("/api/v1/transactions/{transactionId}").rolesOrOwningCustomer(TRANSACTION, READERS),
            // FX quotes belong to the principal that asked: the quote's own query answers anyone else 404.
            post("/api/v1/fx/quotes").roles(SERVICE, CUSTOMER),
            get("/api/v1/fx/quotes/{quoteId}").roles(SERVICE, CUSTOMER),
            get("/api/v1/ledger/verify").roles(OPERATOR, AUDITOR),
            // Payroll: a service creates and may cancel a job; another principal, an approver, releases or rejects it.
            post("/api/v1/payroll/jobs").roles(SERVICE),
            get("/api/v1/payroll/jobs").roles(READERS),
            get("/api/v1/payroll/jobs/{jobId}").roles(READERS),
            get("/api/v1/payroll/jobs/{jobId}/items").roles(READERS),
            get("/api/v1/payroll/jobs/{jobId}/events").roles(READERS),
            post("/api/v1/payroll/jobs/{jobId}/approve").roles(APPROVER),
            post("/api/v1/payroll/jobs/{jobId}/reject").roles(APPROVER),
            post("/api/v1/payroll/jobs/{jobId}/cancel").roles(SERVICE, APPROVER),
            // Operations
            get("/api/v1/ops/payments").roles(STAFF),
            post("/api/v1/ops/payments/{paymentId}/resolve").roles(OPERATOR),
            post("/api/v1/ops/payments/{paymentId}/status-query").roles(OPERATOR),
            post("/api/v1/ops/payments/{paymentId}/resolution/approve").roles(APPROVER),
            post("/api/v1/ops/payments/{paymentId}/resolution/reject").roles(APPROVER),
            post("/api/v1/ops/payments/{paymentId}/incident/correction").roles(OPERATOR),
            post("/api/v1/ops/payments/{paymentId}/incident/correction/approve").roles(APPROVER),
            post("/api/v1/ops/payments/{paymentId}/incident/correction/reject").roles(APPROVER),
            get("/api/v1/ops/adjustments").roles(STAFF),
            post("/api/v1/ops/adjustments").roles(OPERATOR),
            get("/api/v1/ops/adjustments/{adjustmentId}").roles(STAFF),
            post("/api/v1/ops/adjustments/{adjustmentId}/approve").roles(APPROVER),
            post("/api/v1/ops/adjustments/{adjustmentId}/reject").roles(APPROVER),
            get("/api/v1/ops/incidents").roles(STAFF),
            get("/api/v1/ops/incidents/{incidentId}").roles(STAFF),
            get("/api/v1/ops/reconciliation").roles(OPERATOR, AUDITOR),
            post("/api/v1/ops/reconciliation/run").roles(OPERATOR),
            get("/api/v1/ops/invariants").roles(OPERATOR, AUDITOR),
            get("/api/v1/ops/invariants/latest").roles(OPERATOR, AUDITOR),
            get("/api/v1/ops/stats").roles(STAFF),
            get("/api/v1/ops/activity").roles(STAFF),
            // Audit
            get("/api/v1/audit/transfers/{transferId}").roles(INVESTIGATORS),
            get("/api/v1/audit/payments/{paymentId}").roles(INVESTIGATORS),
            get("/api/v1/audit/adjustments/{adjustmentId}").roles(INVESTIGATORS),
            get("/api/v1/audit/wallets/{walletId}").roles(INVESTIGATORS),
            get("/api/v1/audit/wallets/{walletId}/replay").roles(INVESTIGATORS),
            get("/api/v1/audit/wallets/{walletId}/chain").roles(INVESTIGATORS),
            get("/api/v1/audit/refused-callbacks").roles(INVESTIGATORS),
            get("/api/v1/audit/correlations/{correlationId}").roles(INVESTIGATORS),
            // Webhooks: a service's own endpoints; the endpoints' own queries answer any other principal 404.
            get("/api/v1/webhooks/event-types").roles(SERVICE),
            post("/api/v1/webhooks/endpoints").roles(SERVICE),
            get("/api/v1/webhooks/endpoints").roles(SERVICE),
            get("/api/v1/webhooks/endpoints/{endpointId}").roles(SERVICE),
            put("/api/v1/webhooks/endpoints/{endpointId}").roles(SERVICE),
            delete("/api/v1/webhooks/endpoints/{endpointId}").roles(SERVICE),
            post("/api/v1/webhooks/endpoints/{endpointId}/disable").roles(SERVICE),
            post("/api/v1/webhooks/endpoints/{endpointId}/enable").roles(SERVICE),
            post("/api/v1/webhooks/endpoints/{endpointId}/rotate-secret").roles(SERVICE),
            get("/api/v1/webhooks/endpoints/{endpointId}/attempts").roles(SERVICE),
            get("/api/v1/webhooks/endpoints/{endpointId}/deliveries").roles(SERVICE),
            post("/api/v1/webhooks/endpoints/{endpointId}/redeliveries").roles(SERVICE),
            post("/api/v1/webhooks/endpoints/{endpointId}/ping").roles(SERVICE),
            // Administration
            get("/api/v1/admin/projections").roles(ADMIN),
            post("/api/v1/admin/projections/{name}/replay").roles(ADMIN),
            get("/api/v1/admin/projections/{name}/replay").roles(ADMIN),
            get("/api/v1/admin/clients").roles(ADMIN),
            post("/api/v1/admin/clients").roles(ADMIN),
            get("/api/v1/admin/clients/{clientId}").roles(ADMIN),
            post("/api/v1/admin/clients/{clientId}/disable").roles(ADMIN),
            post("/api/v1/admin/clients/{clientId}/enable").roles(ADMIN),
            post("/api/v1/admin/clients/{clientId}/rotate-secret").roles(ADMIN),
            get("/api/v1/admin/users").roles(ADMIN),
            post("/api/v1/admin/users").roles(ADMIN),
            get("/api/v1/admin/users/{username}").roles(ADMIN),
            post("/api/v1/admin/users/{username}/disable").roles(ADMIN),
            post("/api/v1/admin/users/{username}/enable").roles(ADMIN),
            post("/api/v1/admin/users/{username}/password").roles(ADMIN),
            get("/api/v1/admin/keys").roles(ADMIN),
            post("/api/v1/admin/keys/rotate").roles(ADMIN),
            // The embedded FX rate simulator's fault knob (local mode only; elsewhere the path is 404 to an admin).
            get("/api/v1/admin/fx-simulator").roles(ADMIN),
            put("/api/v1/admin/fx-simulator").roles(ADMIN));

    private final Ownership ownership;
    private final JsonMapper json;

    public AccessPolicy(Ownership ownership, JsonMapper json) {
        this.ownership = ownership;
        this.json = json;
    }

    /** Every operation the policy has a rule for, as {@code METHOD /path/{template}}. */
    public static List<String> operations() {
        return RULES.stream().map(rule -> rule.method().name() + " " + rule.pathTemplate()).toList();
    }

    /**
     * Who may call an operation, as the API reference tells it: the roles any of its grants admits, and whether a
     * customer may (on its own only), with the codes the policy itself can refuse it with beyond ACCESS_DENIED.
     */
    public static Optional<OperationAccess> accessOf(HttpMethod method, String pathTemplate) {
        return RULES.stream()
                .filter(rule -> rule.method().equals(method) && rule.pathTemplate().equals(pathTemplate))
                .findFirst()
                .map(AccessPolicy::accessOf);
    }

    private static OperationAccess accessOf(AccessRule rule) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<ErrorCode> refusals = EnumSet.of(ErrorCode.ACCESS_DENIED);
        List<String> customerScopes = new ArrayList<>();
        for (Grant grant : rule.possibleGrants()) {
            roles.addAll(grant.roles());
            if (grant.customerOwns() != null) {
                refusals.addAll(refusalsOf(grant.customerOwns()));
                customerScopes.add(scopeOf(grant.customerOwns()));
            }
        }
        return new OperationAccess(roles, customerScopes.stream().distinct().toList(), refusals);
    }

    /** What a customer's request is refused with when what it names cannot be read or is not its own. */
    private static Set<ErrorCode> refusalsOf(OwnedBy owned) {
        return switch (owned) {
            case WalletInPath(String variable) -> EnumSet.of(ErrorCode.INVALID_ID, ErrorCode.WALLET_NOT_FOUND);
            case WalletInBody(String field) -> EnumSet.of(ErrorCode.REQUEST_TOO_LARGE, ErrorCode.MALFORMED_REQUEST,
                    ErrorCode.VALIDATION_FAILED, ErrorCode.INVALID_ID, ErrorCode.WALLET_NOT_FOUND);
            case OwnerInBody(String field) -> EnumSet.of(ErrorCode.REQUEST_TOO_LARGE, ErrorCode.MALFORMED_REQUEST,
                    ErrorCode.VALIDATION_FAILED, ErrorCode.INVALID_ID);
            case OwnerInQuery(String parameter) -> EnumSet.of(ErrorCode.VALIDATION_FAILED, ErrorCode.INVALID_ID);
            case TransactionInPath(String variable, ErrorCode notFound, String noun) -> EnumSet.of(ErrorCode.INVALID_ID, notFound);
        };
    }

    private static String scopeOf(OwnedBy owned) {
        return switch (owned) {
            case WalletInPath(String variable) -> "the wallet `" + variable + "` is its own";
            case WalletInBody(String field) -> "the wallet `" + field + "` of the body is its own";
            case OwnerInBody(String field) -> "the body's `" + field + "` is its own owner id";
            case OwnerInQuery(String parameter) -> "the query's `" + parameter + "` is its own owner id";
            case TransactionInPath(String variable, ErrorCode notFound, String noun) ->
                    "the " + noun + " `" + variable + "` moves money of one of its wallets";
        };
    }

    /** Cash is money moved by hand: only a teller's. A mobile-money deposit is a service's, or its customer's. */
    private static Grant depositGrant(PolicyRequest request) {
        Optional<String> method = request.bodyText("method");
        if (method.isEmpty() || method.get().equals("CASH")) {
            return CASH_DEPOSIT;
        }
        return MOBILE_DEPOSIT;
    }

    public AccessDecision decide(HttpServletRequest request, Caller caller) {
        // Each rule's matcher would parse the path again (and throw the parse away): parse it once for all of them.
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        if (parsedHere) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            return decideParsed(request, caller);
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }

    private AccessDecision decideParsed(HttpServletRequest request, Caller caller) {
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        if (method == HttpMethod.OPTIONS) {
            return ruleForPath(request).isPresent()
                    ? AccessDecision.grant() : AccessDecision.refuse(ErrorCode.NOT_FOUND, "no such resource");
        }
        HttpMethod asked = method == HttpMethod.HEAD ? HttpMethod.GET : method;
        for (AccessRule rule : RULES) {
            if (rule.method() == asked) {
                MatchResult match = rule.matcher().matcher(request);
                if (match.isMatch()) {
                    PolicyRequest policyRequest = new PolicyRequest(request, match.getVariables(), json);
                    return decide(rule.grantFor().apply(policyRequest), policyRequest, caller);
                }
            }
        }
        return ruleForPath(request).isPresent()
                ? AccessDecision.refuse(ErrorCode.METHOD_NOT_ALLOWED, "method " + request.getMethod() + " is not supported here")
                : AccessDecision.refuse(ErrorCode.NOT_FOUND, "no such resource");
    }

    private static Optional<AccessRule> ruleForPath(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.anyMethodMatcher().matches(request)).findFirst();
    }

    private AccessDecision decide(Grant grant, PolicyRequest request, Caller caller) {
        Set<Role> held = Role.parse(caller.roles());
        if (grant.roles().stream().anyMatch(held::contains)) {
            return AccessDecision.grant();
        }
        if (held.contains(Role.CUSTOMER) && grant.customerOwns() != null) {
            return ownedByCustomer(grant.customerOwns(), request, caller.ownerId());
        }
        return AccessDecision.refuse(ErrorCode.ACCESS_DENIED, "this operation needs one of the roles " + names(grant.roles()));
    }

    private AccessDecision ownedByCustomer(OwnedBy owned, PolicyRequest request, UUID owner) {
        try {
            return switch (owned) {
                case WalletInPath(String variable) -> ownsWallet(uuid(variable, request.pathVariable(variable)), owner);
                case WalletInBody(String field) -> ownsWallet(uuid(field, bodyField(request, field)), owner);
                case OwnerInBody(String field) -> uuid(field, bodyField(request, field)).equals(owner)
                        ? AccessDecision.grant()
                        : AccessDecision.refuse(ErrorCode.ACCESS_DENIED, "a customer acts only for its own " + field);
                case OwnerInQuery(String parameter) -> uuid(parameter, request.queryParameter(parameter)).equals(owner)
                        ? AccessDecision.grant()
                        : AccessDecision.refuse(ErrorCode.ACCESS_DENIED, "a customer lists only its own " + parameter);
                case TransactionInPath(String variable, ErrorCode notFound, String noun) -> {
                    UUID id = uuid(variable, request.pathVariable(variable));
                    yield owner != null && ownership.ownersOfTransaction(id).contains(owner)
                            ? AccessDecision.grant()
                            : AccessDecision.refuse(notFound, noun + " " + id + " does not exist");
                }
            };
        } catch (MizaniException invalid) {
            return AccessDecision.refuse(invalid.code(), invalid.getMessage());
        }
    }

    private AccessDecision ownsWallet(UUID walletId, UUID owner) {
        return owner != null && ownership.ownerOfWallet(walletId).filter(owner::equals).isPresent()
                ? AccessDecision.grant()
                : AccessDecision.refuse(ErrorCode.WALLET_NOT_FOUND, "wallet " + walletId + " does not exist");
    }

    /** The controller would refuse a body that is not a JSON object as malformed: so does the policy. */
    private static String bodyField(PolicyRequest request, String field) {
        if (request.bodyTooLarge()) {
            throw new MizaniException(ErrorCode.REQUEST_TOO_LARGE, RequestSizeLimitFilter.TOO_LARGE_DETAIL);
        }
        if (!request.bodyIsObject()) {
            throw new MizaniException(ErrorCode.MALFORMED_REQUEST,
                    "the request body is missing or is not valid JSON of the expected shape");
        }
        return request.bodyText(field).orElse(null);
    }

    private static UUID uuid(String name, String value) {
        return RequestFields.uuid(name, value);
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::claimValue).sorted().toList().toString();
    }
}
