package nl.spiegel.identity.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.spiegel.shared.crypto.EncryptedColumn;
import nl.spiegel.shared.crypto.EncryptedColumns;

/** The identity module's encrypted column, so the key rotation re-encrypts TOTP secrets too. */
@Component
class IdentityEncryptedColumns implements EncryptedColumns {

    static final EncryptedColumn TOTP_SECRET = EncryptedColumn.of("users", "id", "totp_secret", "totp_key_id");

    @Override
    public List<EncryptedColumn> columns() {
        return List.of(TOTP_SECRET);
    }
}
