package nl.spiegel.progress.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.spiegel.shared.crypto.EncryptedColumn;
import nl.spiegel.shared.crypto.EncryptedColumns;

/** Questionnaire answers and moods: encrypted, for the repository and the key rotation. */
@Component
class ProgressEncryptedColumns implements EncryptedColumns {

    static final EncryptedColumn QUESTIONNAIRE_ANSWERS =
            EncryptedColumn.of("questionnaire_results", "id", "answers", "key_id");
    static final EncryptedColumn MOOD = EncryptedColumn.of("mood_checkins", "id", "mood", "key_id");

    @Override
    public List<EncryptedColumn> columns() {
        return List.of(QUESTIONNAIRE_ANSWERS, MOOD);
    }
}
