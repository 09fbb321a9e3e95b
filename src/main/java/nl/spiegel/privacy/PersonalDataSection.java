package nl.spiegel.privacy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One part of a person's data export, such as their dialogues or their safety plan.
 *
 * @param name    stable, machine-readable name (camelCase); also the key of the section's heading
 *                ({@code mydata.section.<name>}) in the readable export
 * @param content JSON-like: a Map for one record, a List of Maps for several, see {@link PersonalDataContributor}
 */
public record PersonalDataSection(String name, Object content) {

    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

    public PersonalDataSection {
        Objects.requireNonNull(content);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("section name must be camelCase");
        }
    }
}
