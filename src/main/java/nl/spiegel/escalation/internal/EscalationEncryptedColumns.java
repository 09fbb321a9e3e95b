package nl.spiegel.escalation.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.spiegel.shared.crypto.EncryptedColumn;
import nl.spiegel.shared.crypto.EncryptedColumns;

/** Screening answers and safety plans: encrypted, for the repositories and the key rotation. */
@Component
class EscalationEncryptedColumns implements EncryptedColumns {

    static final EncryptedColumn SCREENING_ANSWERS = EncryptedColumn.of("screenings", "id", "answers", "key_id");
    static final EncryptedColumn SAFETY_PLAN_SECTIONS =
            // bound to its owner: saving again keeps the row but not the id it was first given
            EncryptedColumn.of("safety_plans", "id", "sections", "key_id", "user_id");

    @Override
    public List<EncryptedColumn> columns() {
        return List.of(SCREENING_ANSWERS, SAFETY_PLAN_SECTIONS);
    }
}
