--liquibase formatted sql

--changeset spiegel:0041-review-standing-shares
-- "Everything from now on": a person shares every dialogue they start from this moment with one therapist, until
-- they revoke it or its end date passes. Each dialogue it covers gets its own row in review_shares (standing_id set),
-- so unread markers, feedback and notes work per dialogue; revoking the standing share revokes those rows too.
CREATE TABLE review_standing_shares (
    id               CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    person_id        CHAR(36)     NOT NULL,
    therapist_id     CHAR(36)     NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    ends_at          DATETIME(6)  NULL,
    revoked_at       DATETIME(6)  NULL,
    CONSTRAINT pk_review_standing_shares PRIMARY KEY (id),
    CONSTRAINT fk_review_standing_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    CONSTRAINT fk_review_standing_person FOREIGN KEY (person_id) REFERENCES users (id),
    CONSTRAINT fk_review_standing_therapist FOREIGN KEY (therapist_id) REFERENCES users (id),
    INDEX ix_review_standing_therapist (therapist_id, organisation_id),
    INDEX ix_review_standing_person (person_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE review_shares
    ADD COLUMN standing_id CHAR(36) NULL,
    ADD CONSTRAINT fk_review_shares_standing FOREIGN KEY (standing_id) REFERENCES review_standing_shares (id),
    ADD CONSTRAINT uq_review_shares_standing UNIQUE (standing_id, session_id);
--rollback ALTER TABLE review_shares DROP FOREIGN KEY fk_review_shares_standing, DROP INDEX uq_review_shares_standing, DROP COLUMN standing_id;
--rollback DROP TABLE review_standing_shares;
