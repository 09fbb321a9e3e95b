package nl.spiegel.audit.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;

import nl.spiegel.audit.AuditAction;
import nl.spiegel.audit.AuditEntry;
import nl.spiegel.audit.AuditQuery;
import nl.spiegel.audit.AuditTrail;
import nl.spiegel.identity.CurrentStaff;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.shared.i18n.Moments;

/**
 * The audit trail for administrators: filter by period, actor, subject and action, and download what matches as
 * CSV. An ORG_ADMIN sees their own organisation only; {@link AuditTrail} enforces that in the query, and records
 * every look and every download.
 */
@Route("admin/audit")
@RolesAllowed({"ORG_ADMIN", "PLATFORM_ADMIN"})
public class AuditLogView extends Div implements HasDynamicTitle {

    /** Rows shown on screen; the CSV download holds up to {@link AuditQuery#MAX_LIMIT}. */
    static final int SHOWN = 500;
    private final AuditTrail trail;
    private final StaffMember admin;
    private final DatePicker from = new DatePicker();
    private final DatePicker until = new DatePicker();
    private final TextField actor = new TextField();
    private final TextField subject = new TextField();
    private final Select<AuditAction> action = new Select<>();
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Paragraph count = new Paragraph();
    /** The filters of the last search, also used by the download (which runs in a request of its own). */
    private volatile AuditQuery current = AuditQuery.newest(SHOWN);

    public AuditLogView(AuditTrail trail, CurrentStaff currentStaff) {
        this.trail = trail;
        this.admin = currentStaff.get().orElseThrow(() -> new AccessDeniedException("no administrator logged in"));
        addClassNames("sp-page", "sp-audit");

        add(new H1(getTranslation("audit.title")));
        Paragraph scope = new Paragraph(getTranslation(admin.role() == Role.PLATFORM_ADMIN
                ? "audit.scope.platform" : "audit.scope.organisation"));
        scope.setId("audit-scope");
        scope.addClassName("sp-audit-scope");
        add(scope, filters(), actions());

        count.setId("audit-count");
        count.getElement().setAttribute("role", "status");
        add(count, grid());
        search();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }

    private Div filters() {
        from.setLabel(getTranslation("audit.filter.from"));
        from.setId("audit-from");
        until.setLabel(getTranslation("audit.filter.until"));
        until.setId("audit-until");
        actor.setLabel(getTranslation("audit.filter.actor"));
        actor.setId("audit-actor");
        actor.setClearButtonVisible(true);
        subject.setLabel(getTranslation("audit.filter.subject"));
        subject.setId("audit-subject");
        subject.setClearButtonVisible(true);
        action.setLabel(getTranslation("audit.filter.action"));
        action.setId("audit-action");
        action.setItems(AuditAction.values());
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption(getTranslation("audit.filter.any"));
        action.setItemLabelGenerator(value -> value == null ? getTranslation("audit.filter.any")
                : getTranslation("audit.action-code." + value.name()));
        Div filters = new Div(from, until, actor, subject, action);
        filters.addClassName("sp-audit-filters");
        return filters;
    }

    private Div actions() {
        Button search = new Button(getTranslation("audit.search"), click -> search());
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        DownloadHandler csv = event -> {
            event.setFileName("spiegel-audit-trail.csv");
            event.setContentType("text/csv; charset=utf-8");
            trail.exportCsv(admin.userId(), current.withLimit(AuditQuery.MAX_LIMIT), event.getOutputStream());
        };
        Anchor export = new Anchor(csv, AttachmentType.DOWNLOAD, getTranslation("audit.export"));
        export.setId("audit-export");
        export.addClassName("sp-audit-export");
        Div actions = new Div(search, export);
        actions.addClassName("sp-audit-actions");
        return actions;
    }

    private Grid<AuditEntry> grid() {
        Locale locale = getLocale();
        DateTimeFormatter moments = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(locale).withZone(Moments.ZONE);
        grid.setId("audit-grid");
        grid.addClassName("sp-audit-grid");
        grid.addColumn(entry -> moments.format(entry.occurredAt())).setHeader(getTranslation("audit.column.when"))
                .setAutoWidth(true);
        grid.addColumn(entry -> getTranslation("audit.action-code." + entry.action().name()))
                .setHeader(getTranslation("audit.column.action")).setAutoWidth(true);
        grid.addColumn(entry -> entry.recordType() + (entry.recordId() == null ? "" : " " + entry.recordId()))
                .setHeader(getTranslation("audit.column.record")).setAutoWidth(true);
        grid.addColumn(entry -> person(entry.actor(), entry.actorForgotten()) + " (" + entry.actorRole() + ")")
                .setHeader(getTranslation("audit.column.actor")).setAutoWidth(true);
        grid.addColumn(entry -> person(entry.subject(), entry.subjectForgotten()))
                .setHeader(getTranslation("audit.column.subject")).setAutoWidth(true);
        grid.addColumn(entry -> entry.clientAddress() == null ? "" : entry.clientAddress())
                .setHeader(getTranslation("audit.column.address")).setAutoWidth(true);
        return grid;
    }

    private String person(UserId user, boolean forgotten) {
        if (forgotten) {
            return getTranslation("audit.person.forgotten");
        }
        return user == null ? "\u2014" : user.toString();
    }

    private void search() {
        UserId actorId = userId(actor);
        UserId subjectId = userId(subject);
        if (actor.isInvalid() || subject.isInvalid()) {
            return;
        }
        LocalDate fromDate = from.getValue();
        LocalDate untilDate = until.getValue();
        current = new AuditQuery(fromDate == null ? null : fromDate.atStartOfDay(Moments.ZONE).toInstant(),
                // the whole last day counts
                untilDate == null ? null : untilDate.plusDays(1).atStartOfDay(Moments.ZONE).toInstant(),
                actorId, subjectId, action.getValue(), SHOWN);
        List<AuditEntry> entries = trail.search(admin.userId(), current);
        grid.setItems(entries);
        count.setText(getTranslation("audit.count", entries.size()));
    }

    private UserId userId(TextField field) {
        String value = field.getValue() == null ? "" : field.getValue().strip();
        field.setInvalid(false);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return UserId.parse(value);
        } catch (IllegalArgumentException notAnId) {
            field.setErrorMessage(getTranslation("audit.filter.not-an-id"));
            field.setInvalid(true);
            return null;
        }
    }
}
