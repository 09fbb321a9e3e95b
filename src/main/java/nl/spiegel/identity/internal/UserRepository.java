package nl.spiegel.identity.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.database.DbTime;

@Repository
public class UserRepository {

    public record FoundVisitor(Visitor visitor, Instant lastSeen) {
    }

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FoundVisitor> findByTokenHash(String hash) {
        return jdbc.sql("SELECT id, organisation_id, last_seen_at FROM users WHERE visitor_token_hash = ?")
                .param(hash)
                .query((rs, row) -> new FoundVisitor(
                        new Visitor(UserId.parse(rs.getString("id")), OrganisationId.parse(rs.getString("organisation_id"))),
                        DbTime.read(rs, "last_seen_at")))
                .optional();
    }

    public Visitor createAnonymous(UserId id, OrganisationId organisation, String hash, Instant now) {
        try {
            jdbc.sql("""
                    INSERT INTO users (id, organisation_id, visitor_token_hash, created_at, last_seen_at)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(id.toString(), organisation.toString(), hash, DbTime.write(now), DbTime.write(now))
                    .update();
            return new Visitor(id, organisation);
        } catch (DuplicateKeyException raced) {
            // two first requests of the same new visitor arrived together; the other one created the row
            return findByTokenHash(hash).orElseThrow().visitor();
        }
    }

    public void touch(UserId id, Instant now) {
        jdbc.sql("UPDATE users SET last_seen_at = ? WHERE id = ?").params(DbTime.write(now), id.toString()).update();
    }
}
