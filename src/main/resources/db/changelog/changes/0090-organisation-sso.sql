--liquibase formatted sql

--changeset spiegel:0090-organisation-sso
-- Single sign-on per organisation (OpenID Connect). What the organisation admin typed (issuer, client id, the client
-- secret encrypted with the field cipher, bound to the organisation id, the claim read for roles and its
-- value=ROLE lines) and the provider's endpoints found by discovery when it was saved, so a login needs no discovery.
CREATE TABLE organisation_sso (
    organisation_id      CHAR(36)       NOT NULL,
    enabled              BOOLEAN        NOT NULL DEFAULT FALSE,
    issuer               VARCHAR(500)   NOT NULL,
    client_id            VARCHAR(255)   NOT NULL,
    client_secret        VARBINARY(1024) NULL,
    client_secret_key_id VARCHAR(64)    NULL,
    role_claim           VARCHAR(100)   NULL,
    role_mapping         VARCHAR(2000)  NULL,
    authorization_uri    VARCHAR(1000)  NOT NULL,
    token_uri            VARCHAR(1000)  NOT NULL,
    jwk_set_uri          VARCHAR(1000)  NOT NULL,
    end_session_uri      VARCHAR(1000)  NULL,
    updated_at           DATETIME(6)    NOT NULL,
    CONSTRAINT pk_organisation_sso PRIMARY KEY (organisation_id),
    CONSTRAINT fk_organisation_sso_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which account a person of the provider is: the provider's stable (issuer, subject) pair. Deleting the account
-- deletes the link.
CREATE TABLE sso_identities (
    issuer           VARCHAR(500) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    subject          VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    user_id          CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    last_login_at    DATETIME(6)  NOT NULL,
    CONSTRAINT pk_sso_identities PRIMARY KEY (issuer, subject),
    CONSTRAINT fk_sso_identities_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_sso_identities_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_sso_identities_user ON sso_identities (user_id);
--rollback DROP TABLE sso_identities; DROP TABLE organisation_sso;
