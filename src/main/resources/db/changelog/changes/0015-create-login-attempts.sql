--liquibase formatted sql

--changeset spiegel:0015-create-login-attempts
-- Every login attempt, failed or not, for throttling and for security review. Never a password and never an
-- e-mail address: the user id when the address belongs to an account, otherwise a SHA-256 hash of the address.
CREATE TABLE login_attempts (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    attempted_at     DATETIME(6)  NOT NULL,
    user_id          CHAR(36)     NULL,
    email_hash       CHAR(64)     NULL,
    ip_address       VARCHAR(45)  NOT NULL,
    step             VARCHAR(16)  NOT NULL COMMENT 'PASSWORD or SECOND_FACTOR',
    outcome          VARCHAR(24)  NOT NULL COMMENT 'SUCCESS, PASSWORD_OK, FAILURE or BLOCKED',
    organisation_id  CHAR(36)     NULL,
    CONSTRAINT pk_login_attempts PRIMARY KEY (id),
    CONSTRAINT fk_login_attempts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_login_attempts_user ON login_attempts (user_id, attempted_at);
CREATE INDEX ix_login_attempts_email ON login_attempts (email_hash, attempted_at);
CREATE INDEX ix_login_attempts_ip ON login_attempts (ip_address, attempted_at);
--rollback DROP TABLE login_attempts;
