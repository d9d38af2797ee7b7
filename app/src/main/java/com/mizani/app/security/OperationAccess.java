package com.mizani.app.security;

import com.mizani.kernel.error.ErrorCode;

import java.util.List;
import java.util.Set;

/**
 * Who may call one operation, read from the access policy for the API reference.
 *
 * @param roles          the roles that may call it
 * @param customerScopes empty when customers may not; otherwise on what a customer may (its own wallet, say)
 * @param refusals       the codes the policy refuses it with: ACCESS_DENIED, and for customers what names another's
 */
public record OperationAccess(Set<Role> roles, List<String> customerScopes, Set<ErrorCode> refusals) {
}
