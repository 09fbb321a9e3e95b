package nl.spiegel.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.dialogue.DialogueUsage;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.progress.internal.ProgressUsageRepository;
import nl.spiegel.progress.internal.ProgressUsageRepository.MoodPair;
import nl.spiegel.progress.internal.ProgressUsageRepository.PersonBand;
import nl.spiegel.progress.scoring.Band;
import nl.spiegel.progress.scoring.Instrument;

/**
 * Counts of moods and questionnaire bands for an organisation's analytics. Only numbers leave this module; the
 * caller decides which of them are big enough to show. Each person counts once, by their latest data in the
 * period, so a shorter period counts a subset of the people of a longer one with the same values (which is what
 * lets the caller compare periods and hide differences of a few people).
 */
@Service
public class ProgressUsage {

    private final ProgressUsageRepository repository;
    private final DialogueUsage dialogues;

    ProgressUsage(ProgressUsageRepository repository, DialogueUsage dialogues) {
        this.repository = repository;
        this.dialogues = dialogues;
    }

    /** Mood change per dialogue version, over dialogues started since the moment (null: ever). */
    @Transactional(readOnly = true)
    public List<MoodUsage> moods(OrganisationId organisation, Instant since) {
        Map<String, List<MoodPair>> byVersion = new TreeMap<>();
        for (MoodPair pair : repository.latestMoodPairs(organisation, since,
                dialogues.sessionsStarted(organisation, since))) {
            byVersion.computeIfAbsent(pair.scriptId() + "\u0000" + String.format("%09d", pair.version()),
                    key -> new ArrayList<>()).add(pair);
        }
        List<MoodUsage> usage = new ArrayList<>();
        for (List<MoodPair> group : byVersion.values()) {
            int better = 0;
            int same = 0;
            int worse = 0;
            int before = 0;
            int after = 0;
            for (MoodPair pair : group) {
                before += pair.before();
                after += pair.after();
                if (pair.after() > pair.before()) {
                    better++;
                } else if (pair.after() < pair.before()) {
                    worse++;
                } else {
                    same++;
                }
            }
            usage.add(new MoodUsage(group.getFirst().scriptId(), group.getFirst().version(), group.size(), better,
                    same, worse, before, after));
        }
        return usage;
    }

    /** People per band of each questionnaire, by their latest complete result since the moment (null: ever). */
    @Transactional(readOnly = true)
    public List<BandUsage> bands(OrganisationId organisation, Instant since) {
        Map<Instrument, Map<Band, Integer>> counts = new EnumMap<>(Instrument.class);
        for (Instrument instrument : Instrument.values()) {
            counts.put(instrument, new HashMap<>());
        }
        for (PersonBand person : repository.latestBands(organisation, since)) {
            counts.get(person.instrument()).merge(person.band(), 1, Integer::sum);
        }
        List<BandUsage> usage = new ArrayList<>();
        counts.forEach((instrument, bands) -> {
            Map<String, Integer> byBand = new java.util.LinkedHashMap<>();
            for (Band band : instrument.bands()) {
                byBand.put(band.code(), bands.getOrDefault(band, 0));
            }
            usage.add(new BandUsage(instrument.code(), byBand));
        });
        return usage;
    }
}
