package nl.spiegel.escalation.handoff.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;

import nl.spiegel.escalation.CrisisContact;

/**
 * The therapist's last message when a live conversation closes: calm words with the crisis contacts written out, so
 * the person keeps them in the conversation itself, also when the end screen is gone.
 */
final class ClosingWords {

    private ClosingWords() {
    }

    static String text(Component owner, List<CrisisContact> contacts) {
        String list = contacts.stream().map(ClosingWords::line).collect(Collectors.joining("\n"));
        return owner.getTranslation("therapist.closing.words", list);
    }

    private static String line(CrisisContact contact) {
        List<String> ways = new ArrayList<>(contact.phones());
        contact.webAddressText().ifPresent(ways::add);
        // "112" is its own name: once is enough
        ways.remove(contact.name());
        return ways.isEmpty() ? "- " + contact.name() : "- " + contact.name() + ": " + String.join(", ", ways);
    }
}
