package nl.spiegel.dialogue.ui;

import java.util.Objects;
import java.util.function.Predicate;

import nl.spiegel.dialogue.MessageKey;

/**
 * What the chat does with an answer a browser tab kept for a dialogue (text, key and the revision of the question it
 * was written for), when the chat shows a question again after a reload: the server may have lost the screen (a
 * restart, an expired session) while the text was typed or on its way. Pure: no Vaadin, no storage, no database.
 *
 * <ul>
 *     <li>Nothing written (empty or only white space): forget it.</li>
 *     <li>An answer with its key is already stored (it reached the database before the screen was lost): forget it;
 *     the stored answer is in the conversation.</li>
 *     <li>The question on screen has no text field (a choice, the safety panel, the end): keep it in the tab, it is
 *     offered again at the next written question, so it is never dropped without a word.</li>
 *     <li>Written for the question on screen: back in the field with its own key, so sending it again stores it at
 *     most once, also when the first try did reach the database meanwhile.</li>
 *     <li>Written for an earlier question that was answered in another way (another tab, a stale screen): back in
 *     the field, with a new key and a line that says it was written earlier. Not silently dropped, because it is
 *     the person's own words; not sent with its old key, because that key belongs to another question.</li>
 * </ul>
 * A text longer than the question allows is restored in full and marked too long: nothing is cut off behind the
 * person's back, and the server refuses it until it is shortened.
 */
record DraftRestore(Outcome outcome, String text, MessageKey key, boolean tooLong) {

    enum Outcome {
        /** Forget the kept draft; show nothing. */
        DROP,
        /** Leave the kept draft in the tab; show nothing now. */
        KEEP,
        /** Put the text back for the question it was written for, with its own key. */
        RESTORE,
        /** Put the text back for the question on screen, written for an earlier one: a new key. */
        RESTORE_FROM_EARLIER
    }

    /** A draft as a browser tab kept it: untrusted, any part may be missing or malformed. */
    record Kept(String text, String key, Integer revision) {
    }

    private static final DraftRestore DROPPED = new DraftRestore(Outcome.DROP, null, null, false);
    private static final DraftRestore KEPT = new DraftRestore(Outcome.KEEP, null, null, false);

    DraftRestore {
        Objects.requireNonNull(outcome);
    }

    boolean restores() {
        return outcome == Outcome.RESTORE || outcome == Outcome.RESTORE_FROM_EARLIER;
    }

    /**
     * @param kept         what the tab kept, or null when it kept nothing
     * @param revision     the revision of the question on screen
     * @param maxLength    the longest answer the question on screen takes, or null when it has no text field
     * @param alreadyStored whether an answer with this key is stored in this dialogue
     * @param fresh        the key to use when the kept one cannot be used
     */
    static DraftRestore decide(Kept kept, int revision, Integer maxLength, Predicate<MessageKey> alreadyStored,
                               MessageKey fresh) {
        if (kept == null || kept.text() == null || kept.text().isBlank()) {
            return DROPPED;
        }
        MessageKey key = parse(kept.key());
        if (key != null && alreadyStored.test(key)) {
            return DROPPED;
        }
        if (maxLength == null) {
            return KEPT;
        }
        boolean tooLong = kept.text().codePointCount(0, kept.text().length()) > maxLength;
        boolean sameQuestion = kept.revision() != null && kept.revision() == revision;
        if (sameQuestion) {
            return new DraftRestore(Outcome.RESTORE, kept.text(), key == null ? fresh : key, tooLong);
        }
        return new DraftRestore(Outcome.RESTORE_FROM_EARLIER, kept.text(), fresh, tooLong);
    }

    private static MessageKey parse(String key) {
        if (key == null) {
            return null;
        }
        try {
            return MessageKey.parse(key);
        } catch (IllegalArgumentException notAKey) {
            return null;
        }
    }
}
