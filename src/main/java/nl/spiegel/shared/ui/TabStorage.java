package nl.spiegel.shared.ui;

import com.vaadin.flow.component.UI;

/**
 * What Spiegel keeps in a browser tab's own {@code sessionStorage} (an answer being written, see the chat): every
 * name starts with {@link #PREFIX}. Gone when the tab closes; forgotten at once when the person logs out or has their
 * data deleted, so the next person at the same screen finds nothing.
 */
public final class TabStorage {

    public static final String PREFIX = "spiegel.";

    private TabStorage() {
    }

    /** Forgets everything Spiegel kept in this tab. Call before a logout, which navigates away in the same response. */
    public static void forgetAll(UI ui) {
        ui.getPage().executeJs("""
                try {
                  const prefix = $0;
                  for (let i = sessionStorage.length - 1; i >= 0; i--) {
                    const name = sessionStorage.key(i);
                    if (name && name.startsWith(prefix)) { sessionStorage.removeItem(name); }
                  }
                } catch (e) {
                  // storage switched off: nothing was kept
                }
                """, PREFIX);
    }
}
