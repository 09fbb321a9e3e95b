package nl.spiegel.authoring;

import java.util.List;

/** What an organisation admin sees on the analytics page, and exactly what the CSV download holds. */
public record UsageReport(UsagePeriod period, List<VersionUsage> versions) {

    /** Fewest people a shown figure may count. */
    public static final int MIN_GROUP = 10;

    public UsageReport {
        versions = List.copyOf(versions);
    }
}
