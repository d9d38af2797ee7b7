package com.mizani.app.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The roles a principal can hold; what each may do is decided by {@link AccessPolicy} alone. */
public enum Role {
    /** A person or app bound to one owner: that owner's wallets, transfers and payments only. */
    CUSTOMER,
    /** An application acting for many customers: wallets, transfers, mobile-money deposits and payouts. */
    SERVICE,
    /** Cash deposits: the only money that moves by hand. */
    TELLER,
    /** Operations views, freezing wallets, reconciliation, and proposing decisions and adjustments. */
    OPERATOR,
    /** Approving or rejecting what another principal proposed. */
    APPROVER,
    /** Read-only: audit views, balances from events, hash chains, statements, statistics. */
    AUDITOR,
    /** Clients, users, signing keys and projection replays; never money. */
    ADMIN;

    /** The role's name in tokens and in the API: lower case. */
    public String claimValue() {
        return name().toLowerCase();
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue().equals(value)).findFirst();
    }

    /** The roles among these claim values; values that name no role are ignored. */
    public static Set<Role> parse(Collection<String> claimValues) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        claimValues.forEach(value -> fromClaim(value).ifPresent(roles::add));
        return roles;
    }
}
