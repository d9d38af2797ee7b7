-- The embedded token issuer of local mode (docs/security.md): Spring Authorization Server's own tables, adapted to
-- PostgreSQL as its schema files advise (text for blob, timestamptz for timestamp), then Mizani's registry of who
-- holds which roles, and the signing keys, which must outlive a restart so that issued tokens stay valid.

CREATE TABLE oauth2_registered_client (
    id                            varchar(100)  NOT NULL PRIMARY KEY,
    client_id                     varchar(100)  NOT NULL UNIQUE,
    client_id_issued_at           timestamptz   NOT NULL DEFAULT now(),
    client_secret                 varchar(200),
    client_secret_expires_at      timestamptz,
    client_name                   varchar(200)  NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types     varchar(1000) NOT NULL,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) NOT NULL,
    client_settings               varchar(2000) NOT NULL,
    token_settings                varchar(2000) NOT NULL
);

CREATE TABLE oauth2_authorization (
    id                            varchar(100) NOT NULL PRIMARY KEY,
    registered_client_id          varchar(100) NOT NULL,
    principal_name                varchar(200) NOT NULL,
    authorization_grant_type      varchar(100) NOT NULL,
    authorized_scopes             varchar(1000),
    attributes                    text,
    state                         varchar(500),
    authorization_code_value      text,
    authorization_code_issued_at  timestamptz,
    authorization_code_expires_at timestamptz,
    authorization_code_metadata   text,
    access_token_value            text,
    access_token_issued_at        timestamptz,
    access_token_expires_at       timestamptz,
    access_token_metadata         text,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           text,
    oidc_id_token_issued_at       timestamptz,
    oidc_id_token_expires_at      timestamptz,
    oidc_id_token_metadata        text,
    refresh_token_value           text,
    refresh_token_issued_at       timestamptz,
    refresh_token_expires_at      timestamptz,
    refresh_token_metadata        text,
    user_code_value               text,
    user_code_issued_at           timestamptz,
    user_code_expires_at          timestamptz,
    user_code_metadata            text,
    device_code_value             text,
    device_code_issued_at         timestamptz,
    device_code_expires_at        timestamptz,
    device_code_metadata          text
);
-- Expired authorizations are deleted in the background (IssuedAuthorizationsCleanup).
CREATE INDEX oauth2_authorization_expiry ON oauth2_authorization (access_token_expires_at);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id varchar(100)  NOT NULL,
    principal_name       varchar(200)  NOT NULL,
    authorities          varchar(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

-- An application (OAuth2 client) and the roles it holds; its secret's hash is in oauth2_registered_client.
CREATE TABLE security_client (
    client_id  varchar(100) NOT NULL PRIMARY KEY REFERENCES oauth2_registered_client (client_id),
    seq        bigserial    NOT NULL UNIQUE,
    name       varchar(200) NOT NULL,
    roles      text[]       NOT NULL,
    owner_id   uuid,
    enabled    boolean      NOT NULL DEFAULT true,
    created_at timestamptz  NOT NULL DEFAULT now(),
    created_by varchar(200) NOT NULL,
    updated_at timestamptz  NOT NULL DEFAULT now(),
    updated_by varchar(200) NOT NULL
);

-- A person who signs in at /login; the password is stored as an Argon2id hash.
CREATE TABLE security_user (
    username      varchar(100) NOT NULL PRIMARY KEY,
    seq           bigserial    NOT NULL UNIQUE,
    password_hash varchar(500) NOT NULL,
    roles         text[]       NOT NULL,
    owner_id      uuid,
    enabled       boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    created_by    varchar(200) NOT NULL,
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    updated_by    varchar(200) NOT NULL
);

-- The issuer's RSA keys. The newest signs; every key not yet retired verifies, so tokens signed before a rotation
-- stay valid until they expire.
CREATE TABLE signing_key (
    key_id      varchar(100) NOT NULL PRIMARY KEY,
    public_key  bytea        NOT NULL,
    private_key bytea        NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    created_by  varchar(200) NOT NULL,
    retired_at  timestamptz
);
