package nl.spiegel.organisation;

import java.util.Objects;
import java.util.UUID;

/** The tenant a row belongs to. Direct visitors belong to {@link #DEFAULT}. */
public record OrganisationId(UUID value) {

    /** Seeded by the first database migration. */
    public static final OrganisationId DEFAULT = new OrganisationId(UUID.fromString("00000000-0000-0000-0000-000000000001"));

    public OrganisationId {
        Objects.requireNonNull(value);
    }

    public static OrganisationId parse(String value) {
        return new OrganisationId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
