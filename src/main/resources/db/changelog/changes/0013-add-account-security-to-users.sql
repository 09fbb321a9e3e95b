--liquibase formatted sql

--changeset spiegel:0013-add-account-security-to-users
-- Registered accounts: a visitor claims their own pseudonymous row by confirming an e-mail address, so everything
-- they did anonymously stays theirs. The TOTP secret is encrypted with FieldCipher (purpose users.totp_secret); its
-- key id sits next to it, as for every encrypted column. totp_enabled_at stays NULL until the person proved with a
-- code that their app works; totp_last_step makes every code usable only once.
ALTER TABLE users
    ADD COLUMN email_verified_at    DATETIME(6)    NULL,
    ADD COLUMN password_changed_at  DATETIME(6)    NULL,
    ADD COLUMN totp_secret          VARBINARY(255) NULL COMMENT 'FieldCipher ciphertext, purpose users.totp_secret',
    ADD COLUMN totp_key_id          VARCHAR(32)    NULL COMMENT 'key of totp_secret',
    ADD COLUMN totp_enabled_at      DATETIME(6)    NULL COMMENT 'NULL while enrolment is not confirmed',
    ADD COLUMN totp_last_step       BIGINT         NULL COMMENT 'last accepted 30-second step';
-- staff accounts so far were created by hand with an address that was checked then
UPDATE users SET email_verified_at = created_at, password_changed_at = created_at WHERE email IS NOT NULL;
--rollback ALTER TABLE users DROP COLUMN totp_last_step, DROP COLUMN totp_enabled_at, DROP COLUMN totp_key_id, DROP COLUMN totp_secret, DROP COLUMN password_changed_at, DROP COLUMN email_verified_at;
