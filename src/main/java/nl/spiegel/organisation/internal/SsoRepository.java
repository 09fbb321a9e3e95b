package nl.spiegel.organisation.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.database.DbTime;

/** The organisation_sso table: one row per organisation that set up single sign-on. */
@Repository
public class SsoRepository {

    /** A stored row; the secret is still encrypted. */
    public record SsoRow(OrganisationId organisation, boolean enabled, String issuer, String clientId,
                         byte[] clientSecret, String clientSecretKeyId, String roleClaim, String roleMapping,
                         String authorizationUri, String tokenUri, String jwkSetUri, String endSessionUri,
                         Instant updatedAt) {

        @Override
        public String toString() {
            return "SsoRow[" + organisation + ", " + enabled + "]";
        }
    }

    private static final String COLUMNS = """
            organisation_id, enabled, issuer, client_id, client_secret, client_secret_key_id, role_claim,
            role_mapping, authorization_uri, token_uri, jwk_set_uri, end_session_uri, updated_at""";

    private final JdbcClient jdbc;

    SsoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SsoRow> find(OrganisationId organisation) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation_sso WHERE organisation_id = ?")
                .param(organisation.toString())
                .query((rs, row) -> new SsoRow(OrganisationId.parse(rs.getString("organisation_id")),
                        rs.getBoolean("enabled"), rs.getString("issuer"), rs.getString("client_id"),
                        rs.getBytes("client_secret"), rs.getString("client_secret_key_id"),
                        rs.getString("role_claim"), rs.getString("role_mapping"), rs.getString("authorization_uri"),
                        rs.getString("token_uri"), rs.getString("jwk_set_uri"), rs.getString("end_session_uri"),
                        DbTime.read(rs, "updated_at")))
                .optional();
    }

    /** Inserts or replaces the organisation's row in one statement, secret and key id together. */
    public void save(SsoRow row) {
        jdbc.sql("""
                        INSERT INTO organisation_sso (%s)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE enabled = VALUES(enabled), issuer = VALUES(issuer),
                            client_id = VALUES(client_id), client_secret = VALUES(client_secret),
                            client_secret_key_id = VALUES(client_secret_key_id), role_claim = VALUES(role_claim),
                            role_mapping = VALUES(role_mapping), authorization_uri = VALUES(authorization_uri),
                            token_uri = VALUES(token_uri), jwk_set_uri = VALUES(jwk_set_uri),
                            end_session_uri = VALUES(end_session_uri), updated_at = VALUES(updated_at)"""
                        .formatted(COLUMNS))
                .params(row.organisation().toString(), row.enabled(), row.issuer(), row.clientId(),
                        row.clientSecret(), row.clientSecretKeyId(), row.roleClaim(), row.roleMapping(),
                        row.authorizationUri(), row.tokenUri(), row.jwkSetUri(), row.endSessionUri(),
                        DbTime.write(row.updatedAt()))
                .update();
    }
}
