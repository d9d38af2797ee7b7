package com.mizani.app.identity;

import com.mizani.app.security.Role;
import com.mizani.command.support.RequestFields;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The roles given to a client or user, checked: at least one, each a known role. A {@code customer} is bound to an
 * owner and holds no other role (its owner binding would mean nothing next to a role that reaches every wallet);
 * an owner id goes with the customer role only.
 */
record RoleAssignment(Set<Role> roles, UUID ownerId) {

    static RoleAssignment of(List<String> roleNames, String ownerId) {
        if (roleNames == null || roleNames.isEmpty()) {
            throw invalid("roles must name at least one of " + known());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleNames) {
            roles.add(Role.fromClaim(name).orElseThrow(() -> invalid("unknown role '" + printable(name)
                    + "'; roles are " + known())));
        }
        if (roles.contains(Role.CUSTOMER)) {
            if (roles.size() > 1) {
                throw invalid("the customer role cannot be combined with other roles");
            }
            return new RoleAssignment(roles, RequestFields.uuid("ownerId", ownerId));
        }
        if (ownerId != null) {
            throw invalid("ownerId goes with the customer role only");
        }
        return new RoleAssignment(roles, null);
    }

    String[] claimValues() {
        return roles.stream().map(Role::claimValue).toArray(String[]::new);
    }

    private static MizaniException invalid(String detail) {
        return new MizaniException(ErrorCode.VALIDATION_FAILED, detail);
    }

    private static String known() {
        return EnumSet.allOf(Role.class).stream().map(Role::claimValue).toList().toString();
    }

    private static String printable(String name) {
        String cut = name == null ? "null" : name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
