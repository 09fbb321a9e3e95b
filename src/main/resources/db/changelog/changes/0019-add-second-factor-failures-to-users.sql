--liquibase formatted sql

--changeset spiegel:0019-add-second-factor-failures-to-users
-- Consecutive wrong codes in the second login step. At spiegel.login.second-factor-lock-after the second step is
-- locked until the password is reset by mail or an administrator unlocks it; a right code sets it back to 0.
ALTER TABLE users ADD COLUMN second_factor_failures INT NOT NULL DEFAULT 0;
--rollback ALTER TABLE users DROP COLUMN second_factor_failures;
