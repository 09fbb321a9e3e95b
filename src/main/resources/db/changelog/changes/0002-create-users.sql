--liquibase formatted sql

--changeset spiegel:0002-create-users
-- A user starts pseudonymous: only a hash of the random visitor token in their cookie is stored.
CREATE TABLE users (
    id                  CHAR(36)    NOT NULL,
    organisation_id     CHAR(36)    NOT NULL,
    visitor_token_hash  CHAR(64)    NULL,
    created_at          DATETIME(6) NOT NULL,
    last_seen_at        DATETIME(6) NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT uq_users_visitor_token UNIQUE (visitor_token_hash),
    CONSTRAINT fk_users_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE users;
