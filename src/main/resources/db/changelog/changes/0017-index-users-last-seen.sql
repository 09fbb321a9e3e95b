--liquibase formatted sql

--changeset spiegel:0017-index-users-last-seen
-- The retention job looks for anonymous users (no e-mail) who have not been seen for a while.
CREATE INDEX ix_users_last_seen ON users (last_seen_at);
--rollback DROP INDEX ix_users_last_seen ON users;
