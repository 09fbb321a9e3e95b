--liquibase formatted sql

--changeset spiegel:0010-add-staff-accounts
-- Staff (therapists) are users with an e-mail address, a password hash and a role. Anonymous visitors keep these
-- empty and get the role CLIENT. The password hash is in Spring Security's {id}hash format (bcrypt).
ALTER TABLE users
    ADD COLUMN email          VARCHAR(254) NULL,
    ADD COLUMN password_hash  VARCHAR(255) NULL,
    ADD COLUMN display_name   VARCHAR(100) NULL,
    ADD COLUMN role           VARCHAR(32)  NULL DEFAULT 'CLIENT',
    ADD CONSTRAINT uq_users_email UNIQUE (email);
UPDATE users SET role = 'CLIENT' WHERE role IS NULL;
--rollback ALTER TABLE users DROP INDEX uq_users_email, DROP COLUMN role, DROP COLUMN display_name, DROP COLUMN password_hash, DROP COLUMN email;
