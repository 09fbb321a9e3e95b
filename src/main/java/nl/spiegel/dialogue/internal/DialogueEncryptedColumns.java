package nl.spiegel.dialogue.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.spiegel.shared.crypto.EncryptedColumn;
import nl.spiegel.shared.crypto.EncryptedColumns;

/**
 * The dialogue module's encrypted columns, for the repository and the key rotation. Bot messages and exercises are
 * encrypted too: they mirror the person's own words.
 */
@Component
class DialogueEncryptedColumns implements EncryptedColumns {

    static final EncryptedColumn SESSION_VARIABLES =
            EncryptedColumn.of("dialogue_sessions", "id", "variables", "key_id");
    static final EncryptedColumn SESSION_PENDING_INPUT =
            EncryptedColumn.of("dialogue_sessions", "id", "pending_input", "pending_input_key_id");
    // title and body are always inserted together, so they share one key id
    // bound to their session: the message id is only known after the insert
    static final EncryptedColumn MESSAGE_TITLE =
            EncryptedColumn.of("dialogue_messages", "id", "title", "key_id", "session_id");
    static final EncryptedColumn MESSAGE_BODY =
            EncryptedColumn.of("dialogue_messages", "id", "body", "key_id", "session_id");
    static final EncryptedColumn EXERCISE_TITLE = EncryptedColumn.of("exercises", "id", "title", "key_id");
    static final EncryptedColumn EXERCISE_BODY = EncryptedColumn.of("exercises", "id", "body", "key_id");
    static final EncryptedColumn EXERCISE_NOTE = EncryptedColumn.of("exercise_notes", "id", "body", "key_id");
    static final EncryptedColumn FOLLOWUP_NOTE = EncryptedColumn.of("exercise_followups", "id", "note", "key_id");

    @Override
    public List<EncryptedColumn> columns() {
        return List.of(SESSION_VARIABLES, SESSION_PENDING_INPUT, MESSAGE_TITLE, MESSAGE_BODY, EXERCISE_TITLE,
                EXERCISE_BODY, EXERCISE_NOTE, FOLLOWUP_NOTE);
    }
}
