package nl.spiegel.authoring.ui;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;

import nl.spiegel.authoring.Figure;
import nl.spiegel.authoring.UsageAnalytics;
import nl.spiegel.authoring.UsagePeriod;
import nl.spiegel.authoring.UsageReport;
import nl.spiegel.authoring.VersionUsage;
import nl.spiegel.identity.CurrentStaff;
import nl.spiegel.identity.StaffMember;

/**
 * How the organisation's people use Spiegel: per dialogue version a funnel from started to completed, as an SVG
 * chart with a table of the same figures, for a coarse period. Figures about fewer than ten people, or that would
 * reveal such a group, are hidden ({@link UsageAnalytics}); the CSV download holds exactly what the page shows.
 */
@Route("admin/analytics")
@RolesAllowed({"ORG_ADMIN", "PLATFORM_ADMIN"})
public class AnalyticsView extends Div implements HasDynamicTitle {

    private final UsageAnalytics analytics;
    private final StaffMember admin;
    private final Select<UsagePeriod> period = new Select<>();
    private final Div content = new Div();
    private volatile UsagePeriod current = UsagePeriod.ALL;

    public AnalyticsView(UsageAnalytics analytics, CurrentStaff currentStaff) {
        this.analytics = analytics;
        this.admin = currentStaff.get().orElseThrow(() -> new AccessDeniedException("no administrator logged in"));
        addClassNames("sp-page", "sp-analytics");
        Paragraph intro = new Paragraph(getTranslation("analytics.intro", UsageReport.MIN_GROUP));
        intro.setId("analytics-intro");
        period.setId("analytics-period");
        period.setLabel(getTranslation("analytics.period"));
        period.setItems(UsagePeriod.values());
        period.setItemLabelGenerator(value -> getTranslation("analytics.period." + value.name()));
        period.setValue(UsagePeriod.ALL);
        period.addValueChangeListener(change -> show(change.getValue()));
        String language = getLocale().getLanguage();
        DownloadHandler csv = event -> {
            event.setFileName("spiegel-analytics.csv");
            event.setContentType("text/csv; charset=utf-8");
            analytics.exportCsv(admin.userId(), admin.organisationId(), current,
                    step -> stepName(step), this::hiddenText, language, event.getOutputStream());
        };
        Anchor export = new Anchor(csv, AttachmentType.DOWNLOAD, getTranslation("analytics.export"));
        export.setId("analytics-export");
        Anchor editor = new Anchor(ScriptEditorView.ROUTE, getTranslation("analytics.to-editor"));
        editor.setId("analytics-to-editor");
        Div controls = new Div(period, export, editor);
        controls.addClassName("sp-authoring-actions");
        content.setId("analytics-content");
        add(new H1(getTranslation("analytics.title")), intro, controls, content);
        show(UsagePeriod.ALL);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("analytics.title") + " · " + getTranslation("app.name");
    }

    private void show(UsagePeriod chosen) {
        current = chosen;
        content.removeAll();
        UsageReport report = analytics.report(admin.userId(), admin.organisationId(), chosen);
        if (report.versions().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("analytics.none"));
            none.setId("analytics-none");
            content.add(none);
            return;
        }
        for (VersionUsage version : report.versions()) {
            content.add(section(version));
        }
    }

    private Div section(VersionUsage version) {
        String key = version.scriptId() + "-" + version.version();
        String title = getTranslation("analytics.version-title", version.title().in(getLocale()), version.version());
        List<FunnelChart.Bar> bars = new ArrayList<>();
        NativeTableBody body = new NativeTableBody();
        for (int i = 0; i < version.funnel().size(); i++) {
            Figure figure = version.funnel().get(i);
            String label = stepName(i == version.funnel().size() - 1 ? Integer.MAX_VALUE : i);
            bars.add(new FunnelChart.Bar(label, figure, hiddenText(figure)));
            NativeTableRow row = new NativeTableRow(new NativeTableHeaderCell(label),
                    new NativeTableCell(figure.isShown() ? String.valueOf(figure.value()) : hiddenText(figure)));
            row.getElement().setAttribute("data-hidden", figure.hidden().name());
            body.add(row);
        }
        Div chart = new Div();
        chart.setId("chart-" + key);
        chart.addClassName("sp-chart-wrap");
        chart.getElement().setProperty("innerHTML", FunnelChart.svg(title, bars));
        NativeTable table = new NativeTable(new NativeTableHeader(new NativeTableRow(
                new NativeTableHeaderCell(getTranslation("analytics.table.step")),
                new NativeTableHeaderCell(getTranslation("analytics.table.people")))), body);
        table.setId("table-" + key);
        table.addClassName("sp-analytics-table");
        Div section = new Div(new H2(title), chart, table);
        section.addClassName("sp-analytics-version");
        return section;
    }

    private String stepName(int step) {
        if (step == 0) {
            return getTranslation("analytics.step.started");
        }
        if (step == Integer.MAX_VALUE) {
            return getTranslation("analytics.step.completed");
        }
        return getTranslation("analytics.step.answered", step);
    }

    private String hiddenText(Figure figure) {
        return figure.isShown() ? "" : getTranslation("analytics.hidden." + figure.hidden().name(), UsageReport.MIN_GROUP);
    }
}
