package nl.spiegel.shared.ui;

import java.util.Optional;

/**
 * Something new for whoever is signed in, shown as a link in the header of both layouts (for example "2 new
 * responses"). Feature modules provide it as a bean; the layouts ask again on every navigation.
 */
public interface HeaderNotices {

    /** The link to show now, or empty when there is nothing new. */
    Optional<Notice> current();

    /**
     * @param id      the element id of the link
     * @param path    where the link goes
     * @param textKey translation key of the link text, with the count as {0}
     */
    record Notice(String id, String path, String textKey, int count) {
    }
}
