package nl.spiegel.review.ui;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.review.ExpertDirectory;
import nl.spiegel.review.ExpertFilter;
import nl.spiegel.review.ExpertProfile;

/**
 * The directory of connected experts of the person's organisation: who they are, how they work, in which languages
 * and where, with filters. Only experts who chose to appear are listed.
 */
@Route("experts")
@AnonymousAllowed
public class ExpertDirectoryView extends Div implements HasDynamicTitle {

    private final ExpertDirectory directory;
    private final CurrentVisitor currentVisitor;
    private final ComboBox<String> form = new ComboBox<>();
    private final ComboBox<String> specialism = new ComboBox<>();
    private final ComboBox<String> language = new ComboBox<>();
    private final Checkbox online = new Checkbox();
    private final TextField region = new TextField();
    private final Div results = new Div();

    public ExpertDirectoryView(ExpertDirectory directory, CurrentVisitor currentVisitor) {
        this.directory = directory;
        this.currentVisitor = currentVisitor;
        addClassNames("sp-page", "sp-experts");
        add(new H1(getTranslation("expert.directory.title")),
                new Paragraph(getTranslation("expert.directory.intro")));
        choice(form, "expert-form", "expert.filter.form", ExpertProfile.FORMS, "expert.form.");
        choice(specialism, "expert-specialism", "expert.filter.specialism", ExpertProfile.SPECIALISMS,
                "expert.specialism.");
        choice(language, "expert-language", "expert.filter.language", ExpertProfile.LANGUAGES, "expert.language.");
        online.setId("expert-online");
        online.setLabel(getTranslation("expert.filter.online"));
        online.addValueChangeListener(change -> show());
        region.setId("expert-region");
        region.setLabel(getTranslation("expert.filter.region"));
        region.setClearButtonVisible(true);
        region.setValueChangeMode(ValueChangeMode.LAZY);
        region.addValueChangeListener(change -> show());
        Div filters = new Div(form, specialism, language, region, online);
        filters.addClassName("sp-inbox-filters");
        results.setId("expert-results");
        add(filters, results);
        show();
    }

    private void choice(ComboBox<String> box, String id, String label, List<String> codes, String prefix) {
        box.setId(id);
        box.setLabel(getTranslation(label));
        box.setItems(codes);
        box.setItemLabelGenerator(code -> getTranslation(prefix + code));
        box.setClearButtonVisible(true);
        box.addValueChangeListener(change -> show());
    }

    private void show() {
        results.removeAll();
        List<ExpertProfile> experts = directory.directory(currentVisitor.get(), new ExpertFilter(form.getValue(),
                specialism.getValue(), language.getValue(), online.getValue(), region.getValue()));
        if (experts.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("expert.directory.none"));
            none.setId("expert-none");
            results.add(none);
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId("expert-list");
        list.addClassName("sp-card-list");
        experts.forEach(expert -> list.add(card(expert)));
        results.add(list);
    }

    private ListItem card(ExpertProfile expert) {
        ListItem item = new ListItem();
        item.addClassNames("sp-card", "sp-expert-card");
        Locale locale = getLocale();
        item.add(new H2(expert.name()));
        if (expert.shortLine(locale) != null) {
            item.add(new Paragraph(expert.shortLine(locale)));
        }
        item.add(ExpertFacts.of(this, expert));
        Anchor more = new Anchor("expert/" + expert.therapist(), getTranslation("expert.directory.more"));
        more.getElement().setAttribute("router-link", true);
        more.getElement().setAttribute("aria-label", getTranslation("expert.directory.more") + ": " + expert.name());
        more.addClassName("sp-expert-more");
        item.add(more);
        return item;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("expert.directory.title") + " · " + getTranslation("app.name");
    }

    /** The facts of a profile in words: forms of therapy, specialisms, languages, where, new people. */
    static final class ExpertFacts {

        private ExpertFacts() {
        }

        static Component of(Component owner, ExpertProfile expert) {
            Div facts = new Div();
            facts.addClassName("sp-expert-facts");
            facts.add(fact(owner, "expert.facts.forms", words(owner, expert.forms(), "expert.form.")));
            facts.add(fact(owner, "expert.facts.specialisms",
                    words(owner, expert.specialisms(), "expert.specialism.")));
            facts.add(fact(owner, "expert.facts.languages", words(owner, expert.languages(), "expert.language.")));
            String where = expert.region() == null ? owner.getTranslation("expert.facts.online-only")
                    : expert.online() ? owner.getTranslation("expert.facts.region-and-online", expert.region())
                    : expert.region();
            facts.add(fact(owner, "expert.facts.where", where));
            facts.add(new Paragraph(owner.getTranslation(expert.accepting() ? "expert.facts.accepting"
                    : "expert.facts.not-accepting")));
            return facts;
        }

        private static Paragraph fact(Component owner, String key, String value) {
            return new Paragraph(owner.getTranslation(key) + ": " + (value.isEmpty() ? "–" : value));
        }

        private static String words(Component owner, List<String> codes, String prefix) {
            return codes.stream().map(code -> owner.getTranslation(prefix + code)).collect(Collectors.joining(", "));
        }
    }
}
