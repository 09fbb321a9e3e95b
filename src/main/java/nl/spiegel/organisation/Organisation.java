package nl.spiegel.organisation;

import java.time.ZoneId;
import java.util.List;

/**
 * An organisation and what it set for itself.
 *
 * @param offeredDialogues script ids of the dialogues it offers; empty offers every dialogue
 * @param embedOrigins     origins ({@code https://portal.example.org}) of the pages that may frame Spiegel
 */
public record Organisation(OrganisationId id, String slug, String name, Branding branding,
                           List<String> offeredDialogues, List<String> embedOrigins, ZoneId timeZone) {

    public Organisation {
        offeredDialogues = List.copyOf(offeredDialogues);
        embedOrigins = List.copyOf(embedOrigins);
    }

    /** Whether a dialogue is offered to this organisation's people. */
    public boolean offers(String scriptId) {
        return offeredDialogues.isEmpty() || offeredDialogues.contains(scriptId);
    }
}
