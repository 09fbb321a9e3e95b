--liquibase formatted sql

--changeset spiegel:0014-create-account-tokens
-- Single-use links sent by e-mail: confirming an address (which claims the visitor's row) and resetting a password.
-- Only the SHA-256 hash of the random token is stored, so a database leak hands out no working links. A pending
-- registration keeps its address and password hash here, not on users, so an unconfirmed address never blocks the
-- real owner and never gives anyone a way into the data of the person who typed it.
CREATE TABLE account_tokens (
    token_hash       CHAR(64)     NOT NULL,
    purpose          VARCHAR(32)  NOT NULL COMMENT 'VERIFY_EMAIL or RESET_PASSWORD',
    user_id          CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    email            VARCHAR(254) NULL     COMMENT 'VERIFY_EMAIL: the address to confirm',
    password_hash    VARCHAR(255) NULL     COMMENT 'VERIFY_EMAIL: the chosen password, hashed',
    created_at       DATETIME(6)  NOT NULL,
    expires_at       DATETIME(6)  NOT NULL,
    used_at          DATETIME(6)  NULL,
    CONSTRAINT pk_account_tokens PRIMARY KEY (token_hash),
    CONSTRAINT fk_account_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_account_tokens_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_account_tokens_user ON account_tokens (user_id, purpose, created_at);
--rollback DROP TABLE account_tokens;
