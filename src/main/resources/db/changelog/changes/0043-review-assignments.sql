--liquibase formatted sql

--changeset spiegel:0043-review-assignments
-- A therapist assigns a dialogue (script id) or an exercise (an explanation with exercises in the learn corner, by
-- topic id) to a person who shared a dialogue with them, with an optional due date. Ids only; no free text.
-- A dialogue counts as done once the person finished it after it was assigned; an exercise once they marked it done.
CREATE TABLE review_assignments (
    id               CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    therapist_id     CHAR(36)     NOT NULL,
    person_id        CHAR(36)     NOT NULL,
    share_id         CHAR(36)     NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    target           VARCHAR(100) NOT NULL,
    due_date         DATE         NULL,
    created_at       DATETIME(6)  NOT NULL,
    done_at          DATETIME(6)  NULL,
    CONSTRAINT pk_review_assignments PRIMARY KEY (id),
    CONSTRAINT fk_review_assignments_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    CONSTRAINT fk_review_assignments_therapist FOREIGN KEY (therapist_id) REFERENCES users (id),
    CONSTRAINT fk_review_assignments_person FOREIGN KEY (person_id) REFERENCES users (id),
    CONSTRAINT fk_review_assignments_share FOREIGN KEY (share_id) REFERENCES review_shares (id),
    INDEX ix_review_assignments_person (person_id, created_at),
    INDEX ix_review_assignments_therapist (therapist_id, person_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE review_assignments;
