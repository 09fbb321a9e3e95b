package nl.spiegel.organisation.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.spiegel.shared.crypto.EncryptedColumn;
import nl.spiegel.shared.crypto.EncryptedColumns;

/** The organisation module's encrypted column, so the key rotation re-encrypts single sign-on client secrets too. */
@Component
public class OrganisationEncryptedColumns implements EncryptedColumns {

    public static final EncryptedColumn SSO_CLIENT_SECRET = EncryptedColumn.of("organisation_sso", "organisation_id",
            "client_secret", "client_secret_key_id");

    @Override
    public List<EncryptedColumn> columns() {
        return List.of(SSO_CLIENT_SECRET);
    }
}
