package nl.spiegel.dialogue.ui;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;

import nl.spiegel.dialogue.MessageKey;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.dialogue.engine.Node;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.UserInput;

/**
 * Where the person answers: option buttons for a choice, a text field with a visible character count for free
 * text. What was typed stays in the field until the answer is stored. In a chat that keeps drafts, the browser tab
 * also keeps the text and its key until the answer is stored, so a reload after the server lost the screen puts it
 * back ({@link TabDraft}, {@link DraftRestore}).
 */
class Composer extends Div {

    private final Consumer<UserInput> onAnswer;
    private TextArea textArea;
    private Button send;
    private Button firstOption;
    private QuestionnaireForm form;
    /** One key per question: kept while the answer is refused or retried, new once the next question shows. */
    private MessageKey key = MessageKey.random();
    private Span saving;
    /** Where the tab keeps drafts and how to tell a stored key; null where nothing is kept (the author's preview). */
    private Drafts drafts;
    private int revision;
    private Span restored;
    /** The first question shown for a dialogue asks the tab for a draft, whatever kind of question it is. */
    private boolean askTab;
    /** Counts the questions shown, so a late answer of the tab is only applied to the question that asked. */
    private int shown;

    /** The dialogue whose answers the tab keeps, and whether an answer with a given key is stored in it. */
    private record Drafts(SessionId session, Predicate<MessageKey> alreadyStored) {
    }

    Composer(Consumer<UserInput> onAnswer) {
        this.onAnswer = onAnswer;
        addClassName("sp-composer");
        setId("composer");
    }

    /**
     * From now on the tab keeps what is being written for this dialogue, and a question with a text field asks the
     * tab for a draft kept before.
     */
    void keepDrafts(SessionId session, Predicate<MessageKey> alreadyStored) {
        drafts = new Drafts(session, alreadyStored);
        askTab = true;
    }

    void show(Prompt prompt, Locale locale) {
        show(prompt, locale, -1);
    }

    /** @param revision the session's revision with this question on screen; a kept draft names it */
    void show(Prompt prompt, Locale locale, int revision) {
        this.revision = revision;
        removeAll();
        textArea = null;
        send = null;
        firstOption = null;
        form = null;
        saving = null;
        restored = null;
        key = MessageKey.random();
        switch (prompt) {
            case Prompt.FreeText freeText -> showTextField(freeText.maxLength());
            case Prompt.Choices choices -> showOptions(choices, locale);
            case Prompt.Form questionnaire -> {
                setVisible(true);
                form = new QuestionnaireForm(questionnaire.questionnaire(), locale, onAnswer);
                add(form);
            }
            case Prompt.None none -> setVisible(false);
        }
        // a question with a text field asks every time (a draft the tab kept for an earlier question is offered
        // there); any other question only right after a (re)load, so a draft whose answer is stored is forgotten
        shown++;
        UI ui = UI.getCurrent();
        if (drafts != null && ui != null && (textArea != null || askTab)) {
            askTab = false;
            // the callback holds a number, not the field: a client that never answers keeps no old field alive
            int asked = shown;
            Integer maxLength = prompt instanceof Prompt.FreeText freeText ? freeText.maxLength() : null;
            TabDraft.read(ui, drafts.session(), kept -> restore(asked, kept, maxLength));
        }
    }

    private void showTextField(int maxLength) {
        setVisible(true);
        textArea = new TextArea(getTranslation("chat.answer.label"));
        textArea.setId("answer");
        textArea.addClassName("sp-answer");
        textArea.setMaxLength(maxLength);
        textArea.setWidthFull();
        textArea.setValueChangeMode(ValueChangeMode.EAGER);
        textArea.setHelperText(counter(0, maxLength));
        textArea.addValueChangeListener(event -> {
            textArea.setHelperText(counter(event.getValue().codePointCount(0, event.getValue().length()), maxLength));
            textArea.setInvalid(false);
        });
        send = new Button(getTranslation("chat.send"), click -> submitText());
        send.setId("send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        textArea.addKeyDownListener(Key.ENTER, event -> submitText(), KeyModifier.CONTROL);
        Span hint = new Span(getTranslation("chat.send.hint"));
        hint.addClassName("sp-hint");
        Div actions = new Div(hint, send);
        actions.addClassName("sp-composer-actions");
        add(textArea);
        if (drafts != null) {
            // on the page (empty) before anything is said in it, so screen readers announce the line when it comes;
            // right under the field it is about, before the send button
            restored = new Span();
            restored.setId("draft-restored");
            restored.addClassName("sp-draft-restored");
            restored.getElement().setAttribute("role", "status");
            restored.getElement().setAttribute("aria-live", "polite");
            add(restored);
            TabDraft.keep(textArea, send, drafts.session(), key, revision);
        }
        add(actions);
    }

    /** The tab's answer to "what did you keep for this dialogue", applied if the same field is still on screen. */
    private void restore(int asked, DraftRestore.Kept kept, Integer maxLength) {
        if (asked != shown || drafts == null || kept == null) {
            return;
        }
        DraftRestore decision;
        try {
            decision = DraftRestore.decide(kept, revision, maxLength, drafts.alreadyStored(), key);
        } catch (RuntimeException cannotCheck) {
            // the database could not say whether it is stored: leave the draft in the tab for the next try
            return;
        }
        switch (decision.outcome()) {
            case DROP -> TabDraft.forget(UI.getCurrent(), drafts.session(), keyOrNull(kept.key()));
            case KEEP -> { }
            case RESTORE, RESTORE_FROM_EARLIER -> {
                if (!textArea.getValue().isEmpty() || textArea.isReadOnly()) {
                    // the person started on this question meanwhile: theirs wins, the draft stays in the tab
                    return;
                }
                key = decision.key();
                textArea.setValue(decision.text());
                if (decision.tooLong()) {
                    textArea.setErrorMessage(getTranslation("chat.error.too_long"));
                    textArea.setInvalid(true);
                }
                restored.setText(getTranslation(decision.outcome() == DraftRestore.Outcome.RESTORE
                        ? "chat.draft.restored" : "chat.draft.restored-earlier"));
                TabDraft.keep(textArea, send, drafts.session(), key, revision);
                TabDraft.writeNow(textArea);
            }
        }
    }

    private static MessageKey keyOrNull(String value) {
        try {
            return value == null ? null : MessageKey.parse(value);
        } catch (IllegalArgumentException notAKey) {
            return null;
        }
    }

    private String counter(int used, int max) {
        return getTranslation("chat.answer.count", used, max);
    }

    private void showOptions(Prompt.Choices choices, Locale locale) {
        setVisible(true);
        Div options = new Div();
        options.addClassName("sp-options");
        options.getElement().setAttribute("role", "group");
        options.getElement().setAttribute("aria-label", getTranslation("chat.options.label"));
        for (Node.Option option : choices.options()) {
            Button button = new Button(option.label().in(locale));
            button.addClassName("sp-option");
            button.getElement().setAttribute("data-value", option.value());
            button.addClickListener(click -> {
                options.getChildren().forEach(child -> ((Button) child).setEnabled(false));
                onAnswer.accept(new UserInput.Choice(option.value()));
            });
            if (firstOption == null) {
                firstOption = button;
            }
            options.add(button);
        }
        add(options);
    }

    private void submitText() {
        if (textArea == null) {
            return;
        }
        send.setEnabled(false);
        if (restored != null) {
            restored.setText("");
        }
        onAnswer.accept(new UserInput.Text(textArea.getValue()));
    }

    /**
     * The answer is on its way but not stored yet (the database is away and it is tried again): a calm line, the
     * text stays in the field as it was sent, and nothing can be sent twice meanwhile.
     */
    void saving(String message) {
        if (saving == null) {
            saving = new Span();
            saving.setId("saving");
            saving.addClassName("sp-saving");
            saving.getElement().setAttribute("role", "status");
            add(saving);
        }
        saving.setText(message);
        saving.setVisible(true);
        if (textArea != null) {
            textArea.setInvalid(false);
            textArea.setReadOnly(true);
            send.setEnabled(false);
        }
    }

    /** Shows why an answer was not accepted; the text stays so nothing is lost. */
    void reject(String message) {
        if (saving != null) {
            saving.setVisible(false);
        }
        if (textArea != null) {
            textArea.setReadOnly(false);
            textArea.setErrorMessage(message);
            textArea.setInvalid(true);
            send.setEnabled(true);
            textArea.focus();
        } else if (form != null) {
            form.reject(message);
        } else {
            getChildren().flatMap(child -> child.getChildren())
                    .forEach(child -> ((Button) child).setEnabled(true));
        }
    }

    /**
     * The answer to the question on screen is stored: the tab forgets its draft. Called before the next question is
     * shown, while {@link #key()} is still the stored answer's.
     */
    void stored() {
        UI ui = UI.getCurrent();
        if (drafts != null && textArea != null && ui != null) {
            TabDraft.forget(ui, drafts.session(), key);
        }
    }

    /** The key of the answer to the question on screen; the same for every attempt to send it. */
    MessageKey key() {
        return key;
    }

    void focusInput() {
        if (textArea != null) {
            textArea.focus();
        } else if (firstOption != null) {
            firstOption.focus();
        } else if (form != null) {
            form.focusFirst();
        }
    }
}
