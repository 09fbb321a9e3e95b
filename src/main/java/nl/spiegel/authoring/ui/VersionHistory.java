package nl.spiegel.authoring.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;

import nl.spiegel.authoring.DiffLine;
import nl.spiegel.authoring.ScriptVersion;
import nl.spiegel.shared.i18n.Moments;

/** The versions of one script, newest first, to open or publish again; and the difference between two of them. */
class VersionHistory extends Div {

    interface Actions {
        void open(int version);

        void rollback(int version);

        List<DiffLine> diff(int from, int to);
    }


    private final Actions actions;
    private final Div rows = new Div();
    private final Select<Integer> from = new Select<>();
    private final Select<Integer> to = new Select<>();
    private final Div diff = new Div();

    VersionHistory(Actions actions) {
        this.actions = actions;
        setId("authoring-history");
        addClassName("sp-history");
        rows.addClassName("sp-history-rows");
        from.setId("diff-from");
        from.setLabel(getTranslation("authoring.diff.from"));
        to.setId("diff-to");
        to.setLabel(getTranslation("authoring.diff.to"));
        Button compare = new Button(getTranslation("authoring.diff.show"), click -> showDiff());
        compare.setId("diff-show");
        Div diffControls = new Div(from, to, compare);
        diffControls.addClassName("sp-diff-controls");
        diff.setId("authoring-diff");
        diff.addClassName("sp-diff");
        add(new H2(getTranslation("authoring.history.title")), rows, new H2(getTranslation("authoring.diff.title")),
                diffControls, diff);
        setVisible(false);
    }

    void show(List<ScriptVersion> versions, Locale locale) {
        rows.removeAll();
        diff.removeAll();
        setVisible(!versions.isEmpty());
        for (ScriptVersion version : versions) {
            String origin = version.basedOn() == null
                    ? getTranslation("authoring.origin." + version.origin())
                    : getTranslation("authoring.origin.ROLLBACK-of", version.basedOn());
            Span label = new Span(getTranslation("authoring.history.row", version.version(),
                    Moments.dateTime(version.publishedAt(), locale), origin));
            Button open = new Button(getTranslation("authoring.history.open"),
                    click -> actions.open(version.version()));
            open.setId("open-" + version.version());
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Div row = new Div(label, open);
            if (version != versions.getFirst()) {
                Button rollback = new Button(getTranslation("authoring.history.rollback"),
                        click -> actions.rollback(version.version()));
                rollback.setId("rollback-" + version.version());
                rollback.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                row.add(rollback);
            }
            row.addClassName("sp-history-row");
            rows.add(row);
        }
        List<Integer> numbers = versions.stream().map(ScriptVersion::version).toList();
        from.setItems(numbers);
        to.setItems(numbers);
        if (numbers.size() >= 2) {
            from.setValue(numbers.get(1));
            to.setValue(numbers.getFirst());
        }
    }

    private void showDiff() {
        diff.removeAll();
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        for (DiffLine line : actions.diff(from.getValue(), to.getValue())) {
            String mark = switch (line.kind()) {
                case ADDED -> "+ ";
                case REMOVED -> "- ";
                case SAME -> "  ";
            };
            Div row = new Div(mark + line.text());
            row.addClassNames("sp-diff-line", "sp-diff-" + line.kind().name().toLowerCase(Locale.ROOT));
            diff.add(row);
        }
    }
}
