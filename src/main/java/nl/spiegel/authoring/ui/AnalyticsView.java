package nl.spiegel.authoring.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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

import nl.spiegel.authoring.UsageAnalytics;
import nl.spiegel.authoring.UsagePeriod;
import nl.spiegel.authoring.UsageReport;
import nl.spiegel.identity.CurrentStaff;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.OrganisationDirectory;
import nl.spiegel.organisation.OrganisationId;

/**
 * How the organisation's people use Spiegel, for a coarse period: per dialogue version a funnel from started to
 * completed, mood before and after, requests to talk to a human by level with the median wait, and questionnaire
 * bands; each as an SVG chart with a table of the same figures. Figures about fewer than ten people, or that would
 * reveal such a group, are hidden ({@link UsageAnalytics}); the CSV download holds exactly the rows of the tables
 * ({@link ReportRows}).
 */
@Route("admin/analytics")
@RolesAllowed({"ORG_ADMIN", "PLATFORM_ADMIN"})
public class AnalyticsView extends Div implements HasDynamicTitle {

    private final UsageAnalytics analytics;
    private final StaffMember admin;
    private final ReportRows words;
    private final Select<UsagePeriod> period = new Select<>();
    private final Div content = new Div();
    private volatile UsagePeriod current = UsagePeriod.ALL;
    private volatile OrganisationId organisation;

    public AnalyticsView(UsageAnalytics analytics, CurrentStaff currentStaff, OrganisationDirectory organisations) {
        this.analytics = analytics;
        this.admin = currentStaff.get().orElseThrow(() -> new AccessDeniedException("no administrator logged in"));
        this.organisation = admin.organisationId();
        this.words = new ReportRows(this::getTranslation, getLocale());
        addClassNames("sp-page", "sp-analytics");
        Paragraph intro = new Paragraph(getTranslation("analytics.intro", UsageReport.MIN_GROUP));
        intro.setId("analytics-intro");
        Paragraph more = new Paragraph(getTranslation("analytics.intro.more"));
        more.setId("analytics-intro-more");
        period.setId("analytics-period");
        period.setLabel(getTranslation("analytics.period"));
        period.setItems(UsagePeriod.values());
        period.setItemLabelGenerator(value -> getTranslation("analytics.period." + value.name()));
        period.setValue(UsagePeriod.ALL);
        period.addValueChangeListener(change -> show(change.getValue()));
        DownloadHandler csv = event -> {
            event.setFileName("spiegel-analytics.csv");
            event.setContentType("text/csv; charset=utf-8");
            analytics.exportCsv(admin.userId(), organisation, current, ReportRows.HEADER,
                    report -> words.of(report).stream().map(ReportRows.Row::cells).toList(),
                    event.getOutputStream());
        };
        Anchor export = new Anchor(csv, AttachmentType.DOWNLOAD, getTranslation("analytics.export"));
        export.setId("analytics-export");
        Anchor editor = new Anchor(ScriptEditorView.ROUTE, getTranslation("analytics.to-editor"));
        editor.setId("analytics-to-editor");
        Div controls = new Div(period, export, editor);
        if (admin.role() == Role.PLATFORM_ADMIN) {
            // a platform admin looks at one organisation at a time; the service checks the choice again
            Select<Organisation> picker = new Select<>();
            picker.setId("analytics-organisation");
            picker.setLabel(getTranslation("analytics.organisation"));
            picker.setItemLabelGenerator(Organisation::name);
            List<Organisation> all = organisations.all();
            picker.setItems(all);
            all.stream().filter(each -> each.id().equals(organisation)).findFirst().ifPresent(picker::setValue);
            picker.addValueChangeListener(change -> {
                if (change.getValue() != null) {
                    organisation = change.getValue().id();
                    show(current);
                }
            });
            controls.addComponentAsFirst(picker);
        }
        controls.addClassName("sp-authoring-actions");
        content.setId("analytics-content");
        add(new H1(getTranslation("analytics.title")), intro, more, controls, content);
        show(UsagePeriod.ALL);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("analytics.title") + " · " + getTranslation("app.name");
    }

    private void show(UsagePeriod chosen) {
        current = chosen;
        content.removeAll();
        UsageReport report = analytics.report(admin.userId(), organisation, chosen);
        Map<String, List<ReportRows.Row>> groups = ReportRows.byGroup(words.of(report));
        for (String section : ReportRows.SECTIONS) {
            Div part = new Div(new H2(getTranslation("analytics.section." + section)));
            part.setId("analytics-" + section);
            groups.forEach((key, rows) -> {
                if (rows.getFirst().sectionKey().equals(section)) {
                    part.add(table(key, rows));
                }
            });
            if (part.getComponentCount() == 1) {
                part.add(none(section.equals("funnel") ? "analytics-none" : "analytics-" + section + "-none",
                        section.equals("funnel") ? "analytics.none" : "analytics." + section + ".none"));
            }
            content.add(part);
        }
    }

    private Paragraph none(String id, String key) {
        Paragraph none = new Paragraph(getTranslation(key));
        none.setId(id);
        return none;
    }

    private Div table(String key, List<ReportRows.Row> rows) {
        ReportRows.Row first = rows.getFirst();
        boolean funnel = first.sectionKey().equals("funnel");
        String title = first.version().isEmpty() ? first.subject()
                : getTranslation("analytics.version-title", first.subject(), first.version());
        List<FunnelChart.Bar> bars = new ArrayList<>();
        NativeTableBody body = new NativeTableBody();
        for (ReportRows.Row row : rows) {
            if (row.charted()) {
                bars.add(new FunnelChart.Bar(row.measure(), row.figure(), words.hidden(row.figure())));
            }
            NativeTableRow line = new NativeTableRow(new NativeTableHeaderCell(row.measure()),
                    new NativeTableCell(row.value()));
            if (row.figure() != null) {
                line.getElement().setAttribute("data-hidden", row.figure().hidden().name());
            }
            body.add(line);
        }
        Div chart = new Div();
        chart.setId("chart-" + key);
        chart.addClassName("sp-chart-wrap");
        chart.getElement().setProperty("innerHTML", FunnelChart.svg(title.isEmpty() ? first.section() : title, bars));
        NativeTable table = new NativeTable(new NativeTableHeader(new NativeTableRow(
                new NativeTableHeaderCell(getTranslation(funnel ? "analytics.table.step" : "analytics.table.measure")),
                new NativeTableHeaderCell(getTranslation(funnel ? "analytics.table.people" : "analytics.table.value")))),
                body);
        table.setId("table-" + key);
        table.addClassName("sp-analytics-table");
        Div section = new Div();
        if (!title.isEmpty()) {
            section.add(new H3(title));
        }
        section.add(chart, table);
        section.addClassName("sp-analytics-version");
        return section;
    }
}
