package nl.spiegel.dialogue.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.function.SerializableConsumer;

import tools.jackson.databind.JsonNode;

import nl.spiegel.dialogue.MessageKey;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.shared.ui.TabStorage;

/**
 * The browser side of an answer being written: the tab keeps the text, its key and the question's revision in its
 * own {@code sessionStorage} (never {@code localStorage}: this is health data and must not outlive the tab), so a
 * reload after the server lost the screen (a restart, an expired session) can put the text back with the same key.
 * Small inline scripts on the field; nothing of it is sent to the server, except when the chat asks for it back.
 */
final class TabDraft {

    /** Written a moment after the last key press, at once when the field loses focus or the answer is sent. */
    private static final int DEBOUNCE_MILLIS = 400;

    /**
     * Installed once per screen (the page keeps it while the chat's questions come and go), so each question only
     * sends a short call instead of the whole script: it is on the path of every step.
     */
    private static final String INSTALL = """
            window.__spiegelDraftKeep = window.__spiegelDraftKeep || function (field, name, key, revision, send) {
              field.__spiegelDraft = { name: name, key: key, revision: revision };
              if (field.__spiegelDraftWrite) { return; }
              let timer = null;
              const write = () => {
                clearTimeout(timer);
                timer = null;
                // a field of an answered question is gone from the page: it must not write its text back
                if (!field.isConnected) { return; }
                const draft = field.__spiegelDraft;
                try {
                  const text = field.value || '';
                  if (text.trim()) {
                    sessionStorage.setItem(draft.name,
                        JSON.stringify({ text: text, key: draft.key, revision: draft.revision }));
                  } else {
                    const kept = JSON.parse(sessionStorage.getItem(draft.name) || 'null');
                    if (kept && kept.key === draft.key) { sessionStorage.removeItem(draft.name); }
                  }
                } catch (e) {
                  // storage full or switched off: the answer simply is not kept in the tab
                }
              };
              field.__spiegelDraftWrite = write;
              field.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(write, %d); });
              field.addEventListener('focusout', write);
              field.addEventListener('keydown', e => { if (e.key === 'Enter' && e.ctrlKey) { write(); } });
              if (send) { send.addEventListener('click', write, true); }
            };
            """.formatted(DEBOUNCE_MILLIS);

    private static final String KEEP = "window.__spiegelDraftKeep(this, $0, $1, $2, $3)";

    /** Marks a screen whose page has {@link #INSTALL}. */
    private static final String INSTALLED = "spiegel.draft.installed";

    private static final String READ = """
            try {
              const kept = JSON.parse(sessionStorage.getItem($0) || 'null');
              if (!kept || typeof kept.text !== 'string') { return null; }
              return { text: kept.text, key: typeof kept.key === 'string' ? kept.key : null,
                       revision: Number.isInteger(kept.revision) ? kept.revision : null };
            } catch (e) {
              return null;
            }
            """;

    private static final String FORGET = """
            try {
              const kept = JSON.parse(sessionStorage.getItem($0) || 'null');
              if (!kept || $1 === null || kept.key === $1) { sessionStorage.removeItem($0); }
            } catch (e) {
              try { sessionStorage.removeItem($0); } catch (ignored) { }
            }
            """;

    private TabDraft() {
    }

    /** The name the tab keeps this dialogue's draft under; {@link TabStorage#forgetAll} knows the prefix. */
    static String name(SessionId session) {
        return TabStorage.PREFIX + "draft." + session;
    }

    /** From now on the field keeps what is typed in it in the tab, under this key and revision. */
    static void keep(TextArea field, Button send, SessionId session, MessageKey key, int revision) {
        UI ui = field.getUI().orElseGet(UI::getCurrent);
        if (ui != null && ComponentUtil.getData(ui, INSTALLED) == null) {
            ui.getPage().executeJs(INSTALL);
            ComponentUtil.setData(ui, INSTALLED, Boolean.TRUE);
        }
        field.getElement().executeJs(KEEP, name(session), key.toString(), revision, send.getElement());
    }

    /** Writes what the field holds now (after the server put a restored text in it). */
    static void writeNow(TextArea field) {
        field.getElement().executeJs("if (this.__spiegelDraftWrite) { this.__spiegelDraftWrite(); }");
    }

    /** Asks the tab what it kept for this dialogue; {@code then} gets null when nothing (usable) was kept. */
    static void read(UI ui, SessionId session, SerializableConsumer<DraftRestore.Kept> then) {
        ui.getPage().executeJs(READ, name(session)).then(json -> then.accept(kept(json)),
                failure -> then.accept(null));
    }

    /**
     * Forgets the draft kept under this key (the answer is stored); a draft under another key stays. Without
     * a key, whatever is kept for this dialogue is forgotten. Run on the page, not on the field or the composer: the
     * field is replaced by the next question in the same response, and the composer is hidden at the end.
     */
    static void forget(UI ui, SessionId session, MessageKey key) {
        ui.getPage().executeJs(FORGET, name(session), key == null ? null : key.toString());
    }

    private static DraftRestore.Kept kept(JsonNode json) {
        if (json == null || !json.isObject() || !json.path("text").isString()) {
            return null;
        }
        JsonNode key = json.path("key");
        JsonNode revision = json.path("revision");
        return new DraftRestore.Kept(json.path("text").asString(), key.isString() ? key.asString() : null,
                revision.isInt() ? revision.asInt() : null);
    }
}
