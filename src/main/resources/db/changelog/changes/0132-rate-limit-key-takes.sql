--liquibase formatted sql

--changeset spiegel:0132-rate-limit-key-takes
-- Every take writes its key's row (takes + 1) instead of only locking it: on one server that is the same row lock,
-- and on a Galera cluster, where locks are not shared between nodes, two nodes taking from the same budget at the same
-- moment then write the same row, so one of them fails certification and counts again.
ALTER TABLE rate_limit_keys ADD COLUMN takes BIGINT NOT NULL DEFAULT 0;
--rollback ALTER TABLE rate_limit_keys DROP COLUMN takes;
