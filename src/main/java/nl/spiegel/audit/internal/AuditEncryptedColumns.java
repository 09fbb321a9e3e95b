package nl.spiegel.audit.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.spiegel.shared.crypto.EncryptedColumn;
import nl.spiegel.shared.crypto.EncryptedColumns;

/**
 * The audit module's encrypted column: each person's address key, wrapped by the application's key ring and bound to
 * their pseudonym, so the key rotation covers it like every other encrypted column.
 */
@Component
class AuditEncryptedColumns implements EncryptedColumns {

    static final EncryptedColumn ADDRESS_KEY =
            EncryptedColumn.of("audit_pseudonyms", "user_id", "address_key", "address_key_id", "pseudonym");

    @Override
    public List<EncryptedColumn> columns() {
        return List.of(ADDRESS_KEY);
    }
}
