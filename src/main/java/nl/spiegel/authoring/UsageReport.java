package nl.spiegel.authoring;

import java.util.List;

/**
 * What an organisation admin sees on the analytics page, and exactly what the CSV download holds.
 *
 * @param versions    started, the funnel and completed per dialogue version
 * @param moods       mood before and after per dialogue version that has check-ins
 * @param escalations requests to talk to a human
 * @param bands       questionnaire band distributions
 */
public record UsageReport(UsagePeriod period, List<VersionUsage> versions, List<MoodFigures> moods,
                          EscalationFigures escalations, List<BandFigures> bands) {

    /** Fewest people a shown figure may count. */
    public static final int MIN_GROUP = 10;

    public UsageReport {
        versions = List.copyOf(versions);
        moods = List.copyOf(moods);
        bands = List.copyOf(bands);
    }
}
