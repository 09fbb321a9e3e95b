package nl.spiegel.dialogue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import nl.spiegel.dialogue.MessageKey;
import nl.spiegel.dialogue.ui.DraftRestore.Kept;
import nl.spiegel.dialogue.ui.DraftRestore.Outcome;

class DraftRestoreTest {

    private static final MessageKey KEPT_KEY = MessageKey.parse("0b6f1c1e-7d4a-4c1e-9a51-0f2b8c3d4e5f");
    private static final MessageKey FRESH = MessageKey.parse("5a4e3d2c-1b0a-4f9e-8d7c-6b5a4e3d2c1b");
    private static final Predicate<MessageKey> NOTHING_STORED = key -> false;
    private static final String TEXT = "Ik slaap slecht sinds de verhuizing.";

    @Test
    void textForTheQuestionOnScreenComesBackWithItsOwnKey() {
        DraftRestore decision = DraftRestore.decide(new Kept(TEXT, KEPT_KEY.toString(), 4), 4, 2000,
                NOTHING_STORED, FRESH);

        assertThat(decision.outcome()).isEqualTo(Outcome.RESTORE);
        assertThat(decision.text()).isEqualTo(TEXT);
        assertThat(decision.key()).as("a re-send is recognised if the first try was stored").isEqualTo(KEPT_KEY);
        assertThat(decision.tooLong()).isFalse();
        assertThat(decision.restores()).isTrue();
    }

    @Test
    void anAnswerAlreadyStoredUnderTheKeptKeyIsDroppedNotOfferedAgain() {
        Predicate<MessageKey> stored = Set.of(KEPT_KEY)::contains;

        DraftRestore sameQuestion = DraftRestore.decide(new Kept(TEXT, KEPT_KEY.toString(), 4), 4, 2000, stored,
                FRESH);
        DraftRestore movedOn = DraftRestore.decide(new Kept(TEXT, KEPT_KEY.toString(), 4), 6, 2000, stored, FRESH);
        DraftRestore noTextField = DraftRestore.decide(new Kept(TEXT, KEPT_KEY.toString(), 4), 6, null, stored,
                FRESH);

        assertThat(sameQuestion.outcome()).isEqualTo(Outcome.DROP);
        assertThat(movedOn.outcome()).isEqualTo(Outcome.DROP);
        assertThat(noTextField.outcome()).isEqualTo(Outcome.DROP);
        assertThat(sameQuestion.restores()).isFalse();
    }

    @Test
    void textWrittenForAnEarlierQuestionComesBackWithANewKey() {
        DraftRestore decision = DraftRestore.decide(new Kept(TEXT, KEPT_KEY.toString(), 2), 4, 2000,
                NOTHING_STORED, FRESH);

        assertThat(decision.outcome()).isEqualTo(Outcome.RESTORE_FROM_EARLIER);
        assertThat(decision.text()).isEqualTo(TEXT);
        assertThat(decision.key()).as("the old key belongs to another question").isEqualTo(FRESH);
    }

    @Test
    void withoutATextFieldOnScreenTheDraftStaysInTheTab() {
        DraftRestore decision = DraftRestore.decide(new Kept(TEXT, KEPT_KEY.toString(), 2), 3, null,
                NOTHING_STORED, FRESH);

        assertThat(decision.outcome()).isEqualTo(Outcome.KEEP);
        assertThat(decision.restores()).isFalse();
    }

    @Test
    void textOverTheLimitIsRestoredWholeAndMarkedTooLong() {
        String longText = "ë".repeat(2001);

        DraftRestore decision = DraftRestore.decide(new Kept(longText, KEPT_KEY.toString(), 4), 4, 2000,
                NOTHING_STORED, FRESH);
        DraftRestore atTheLimit = DraftRestore.decide(new Kept("😊".repeat(2000), KEPT_KEY.toString(), 4), 4, 2000,
                NOTHING_STORED, FRESH);

        assertThat(decision.outcome()).isEqualTo(Outcome.RESTORE);
        assertThat(decision.text()).as("nothing cut off").isEqualTo(longText);
        assertThat(decision.tooLong()).isTrue();
        assertThat(atTheLimit.tooLong()).as("characters, not UTF-16 units, are counted").isFalse();
    }

    @Test
    void nothingOrOnlyWhiteSpaceIsDropped() {
        assertThat(DraftRestore.decide(null, 4, 2000, NOTHING_STORED, FRESH).outcome()).isEqualTo(Outcome.DROP);
        assertThat(DraftRestore.decide(new Kept(" \n\t", KEPT_KEY.toString(), 4), 4, 2000, NOTHING_STORED, FRESH)
                .outcome()).isEqualTo(Outcome.DROP);
        assertThat(DraftRestore.decide(new Kept(null, KEPT_KEY.toString(), 4), 4, 2000, NOTHING_STORED, FRESH)
                .outcome()).isEqualTo(Outcome.DROP);
    }

    @Test
    void aMalformedKeyOrRevisionIsNeverSentOnButTheTextIsKept() {
        DraftRestore badKey = DraftRestore.decide(new Kept(TEXT, "not-a-key", 4), 4, 2000,
                key -> { throw new AssertionError("no lookup of a malformed key"); }, FRESH);
        DraftRestore noKey = DraftRestore.decide(new Kept(TEXT, null, 4), 4, 2000, NOTHING_STORED, FRESH);
        DraftRestore noRevision = DraftRestore.decide(new Kept(TEXT, KEPT_KEY.toString(), null), 4, 2000,
                NOTHING_STORED, FRESH);

        assertThat(badKey.outcome()).isEqualTo(Outcome.RESTORE);
        assertThat(badKey.key()).isEqualTo(FRESH);
        assertThat(noKey.key()).isEqualTo(FRESH);
        assertThat(noRevision.outcome()).isEqualTo(Outcome.RESTORE_FROM_EARLIER);
        assertThat(noRevision.key()).isEqualTo(FRESH);
    }
}
