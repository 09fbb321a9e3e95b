--liquibase formatted sql

--changeset spiegel:0131-rate-limits
-- Budgets shared by every app node (account e-mails per address, handoff requests per visitor and network address).
-- Keys are SHA-256 hashes, never the address itself. rate_limit_keys has one row per key to lock, so two nodes
-- taking from the same budget at the same moment are counted one after the other.
CREATE TABLE rate_limit_keys (
    scope     VARCHAR(32)  NOT NULL,
    key_hash  CHAR(64)     NOT NULL,
    CONSTRAINT pk_rate_limit_keys PRIMARY KEY (scope, key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE rate_limit_uses (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    scope     VARCHAR(32)  NOT NULL,
    key_hash  CHAR(64)     NOT NULL,
    used_at   DATETIME(6)  NOT NULL,
    CONSTRAINT pk_rate_limit_uses PRIMARY KEY (id),
    INDEX ix_rate_limit_uses_key (scope, key_hash, used_at),
    INDEX ix_rate_limit_uses_time (used_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE rate_limit_uses; DROP TABLE rate_limit_keys;
