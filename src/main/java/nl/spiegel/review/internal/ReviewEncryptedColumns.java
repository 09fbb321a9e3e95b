package nl.spiegel.review.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.spiegel.shared.crypto.EncryptedColumn;
import nl.spiegel.shared.crypto.EncryptedColumns;

/** Feedback and private notes of therapists, and messages of share requests: encrypted, for the repository and the key rotation. */
@Component
class ReviewEncryptedColumns implements EncryptedColumns {

    static final EncryptedColumn COMMENT_BODY = EncryptedColumn.of("review_comments", "id", "body", "key_id");
    static final EncryptedColumn REQUEST_MESSAGE =
            EncryptedColumn.of("review_share_requests", "id", "message", "key_id");

    @Override
    public List<EncryptedColumn> columns() {
        return List.of(COMMENT_BODY, REQUEST_MESSAGE);
    }
}
