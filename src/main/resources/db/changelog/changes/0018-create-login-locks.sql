--liquibase formatted sql

--changeset spiegel:0018-create-login-locks
-- One row per throttling key (an account, a typed address that belongs to no account, a network address), locked
-- with SELECT ... FOR UPDATE while a login attempt is checked and recorded, so parallel attempts, also on several
-- application nodes, are counted one after the other. Keys are SHA-256 hashes; the rows carry nothing else.
CREATE TABLE login_locks (
    lock_key  CHAR(64)  NOT NULL,
    CONSTRAINT pk_login_locks PRIMARY KEY (lock_key)
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;
--rollback DROP TABLE login_locks;
