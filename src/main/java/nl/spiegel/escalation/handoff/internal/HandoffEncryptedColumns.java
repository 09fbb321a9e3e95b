package nl.spiegel.escalation.handoff.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.spiegel.shared.crypto.EncryptedColumn;
import nl.spiegel.shared.crypto.EncryptedColumns;

/** The live chat and the free text around an escalation: encrypted, for the repository and the key rotation. */
@Component
class HandoffEncryptedColumns implements EncryptedColumns {

    // bound to their escalation: the message id is only known after the insert
    static final EncryptedColumn MESSAGE_BODY =
            EncryptedColumn.of("escalation_messages", "id", "body", "key_id", "escalation_id");
    // the row's key_id belongs to the person's contact request; the therapist's note is written on its own
    static final EncryptedColumn CONTACT_REQUEST =
            EncryptedColumn.of("escalations", "id", "contact_request", "key_id");
    static final EncryptedColumn OUTCOME_NOTE =
            EncryptedColumn.of("escalations", "id", "outcome_note", "outcome_note_key_id");

    @Override
    public List<EncryptedColumn> columns() {
        return List.of(MESSAGE_BODY, CONTACT_REQUEST, OUTCOME_NOTE);
    }
}
