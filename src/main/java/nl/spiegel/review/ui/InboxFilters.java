package nl.spiegel.review.ui;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import nl.spiegel.review.InboxFilter;
import nl.spiegel.review.InboxItem;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.i18n.Moments;

/**
 * The therapist's filters over their inbox: person, dialogue, risk level, date range, words in titles and summaries,
 * and "new only". Person and dialogue offer what the unfiltered inbox holds.
 */
class InboxFilters extends Div {

    private final ComboBox<String> person = new ComboBox<>();
    private final ComboBox<String> dialogue = new ComboBox<>();
    private final Select<RiskLevel> risk = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker until = new DatePicker();
    private final TextField search = new TextField();
    private final Checkbox unreadOnly = new Checkbox();
    private boolean offering;

    InboxFilters(Runnable onChange) {
        addClassName("sp-inbox-filters");
        Locale locale = getLocale();
        search.setId("inbox-search");
        search.setLabel(getTranslation("review.inbox.search"));
        search.setHelperText(getTranslation("review.inbox.search.help"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        person.setId("inbox-person");
        person.setLabel(getTranslation("review.inbox.person"));
        person.setClearButtonVisible(true);
        dialogue.setId("inbox-dialogue");
        dialogue.setLabel(getTranslation("review.inbox.dialogue"));
        dialogue.setClearButtonVisible(true);
        risk.setId("inbox-risk");
        risk.setLabel(getTranslation("review.inbox.risk"));
        risk.setItems(RiskLevel.NONE, RiskLevel.CONCERN, RiskLevel.CRISIS);
        risk.setValue(RiskLevel.NONE);
        risk.setItemLabelGenerator(level -> getTranslation("review.inbox.risk." + level.code()));
        from.setId("inbox-from");
        from.setLabel(getTranslation("review.inbox.from-date"));
        from.setLocale(locale);
        until.setId("inbox-until");
        until.setLabel(getTranslation("review.inbox.until-date"));
        until.setLocale(locale);
        unreadOnly.setId("inbox-unread-only");
        unreadOnly.setLabel(getTranslation("review.inbox.unread-only"));
        Runnable changed = () -> {
            if (!offering) {
                onChange.run();
            }
        };
        search.addValueChangeListener(change -> changed.run());
        person.addValueChangeListener(change -> changed.run());
        dialogue.addValueChangeListener(change -> changed.run());
        risk.addValueChangeListener(change -> changed.run());
        from.addValueChangeListener(change -> changed.run());
        until.addValueChangeListener(change -> changed.run());
        unreadOnly.addValueChangeListener(change -> changed.run());
        add(search, person, dialogue, risk, from, until, unreadOnly);
    }

    InboxFilter value() {
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(Moments.ZONE).toInstant();
        Instant end = until.getValue() == null ? null
                : until.getValue().plusDays(1).atStartOfDay(Moments.ZONE).toInstant();
        return new InboxFilter(person.getValue(), dialogue.getValue(),
                risk.getValue() == RiskLevel.NONE ? null : risk.getValue(), start, end, search.getValue(),
                unreadOnly.getValue());
    }

    /** Offers the people and dialogues of the whole inbox, keeping what was chosen. */
    void offer(List<InboxItem> all) {
        offering = true;
        try {
            offer(person, all.stream().map(InboxItem::person).filter(Objects::nonNull).distinct().sorted().toList());
            offer(dialogue, all.stream().map(InboxItem::dialogueTitle).distinct().sorted().toList());
        } finally {
            offering = false;
        }
    }

    private static void offer(ComboBox<String> box, List<String> options) {
        if (options.equals(box.getListDataView().getItems().toList())) {
            return;
        }
        String chosen = box.getValue();
        box.setItems(options);
        box.setValue(chosen != null && options.contains(chosen) ? chosen : null);
    }
}
