--liquibase formatted sql

--changeset spiegel:0100-create-exercise-journal
-- Exercises become a small journal: dated notes, "how did it go?" follow-ups and an optional e-mail reminder.
-- Notes and follow-up notes are personal free text, encrypted like every other (key id beside them, bound to the row id).
CREATE TABLE exercise_notes (
    id               CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    user_id          CHAR(36)     NOT NULL,
    exercise_id      CHAR(36)     NOT NULL,
    body             MEDIUMBLOB   NOT NULL,
    key_id           VARCHAR(32)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    CONSTRAINT pk_exercise_notes PRIMARY KEY (id),
    CONSTRAINT fk_exercise_notes_exercise FOREIGN KEY (exercise_id) REFERENCES exercises (id),
    CONSTRAINT fk_exercise_notes_user FOREIGN KEY (user_id) REFERENCES users (id),
    INDEX ix_exercise_notes_exercise (exercise_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- outcome is a code ('well', 'partly', 'not'); a later dialogue may refer to the newest one of a person
CREATE TABLE exercise_followups (
    id               CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    user_id          CHAR(36)     NOT NULL,
    exercise_id      CHAR(36)     NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    note             MEDIUMBLOB   NOT NULL,
    key_id           VARCHAR(32)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    CONSTRAINT pk_exercise_followups PRIMARY KEY (id),
    CONSTRAINT fk_exercise_followups_exercise FOREIGN KEY (exercise_id) REFERENCES exercises (id),
    CONSTRAINT fk_exercise_followups_user FOREIGN KEY (user_id) REFERENCES users (id),
    INDEX ix_exercise_followups_user (user_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- No content: only when the next reminder is due, how often it repeats (0 = once) and the language of the mail.
-- A node sends a reminder only after its conditional update (or delete, for a single one) of the due moment it read
-- changed the row, so two nodes never send the same reminder.
CREATE TABLE exercise_reminders (
    exercise_id      CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    user_id          CHAR(36)     NOT NULL,
    next_due_at      DATETIME(6)  NOT NULL,
    repeat_days      INT          NOT NULL,
    language         VARCHAR(8)   NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    last_sent_at     DATETIME(6)  NULL,
    CONSTRAINT pk_exercise_reminders PRIMARY KEY (exercise_id),
    CONSTRAINT fk_exercise_reminders_exercise FOREIGN KEY (exercise_id) REFERENCES exercises (id),
    CONSTRAINT fk_exercise_reminders_user FOREIGN KEY (user_id) REFERENCES users (id),
    INDEX ix_exercise_reminders_due (next_due_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE exercise_reminders; DROP TABLE exercise_followups; DROP TABLE exercise_notes;
