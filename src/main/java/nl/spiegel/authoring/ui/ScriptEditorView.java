package nl.spiegel.authoring.ui;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.authoring.AuthoringProperties;
import nl.spiegel.authoring.AuthoringService;
import nl.spiegel.authoring.DiffLine;
import nl.spiegel.authoring.DraftCheck;
import nl.spiegel.authoring.PublishRefusedException;
import nl.spiegel.authoring.ScriptIssue;
import nl.spiegel.authoring.ScriptVersion;
import nl.spiegel.authoring.UploadedScript;
import nl.spiegel.dialogue.DialoguePreview;
import nl.spiegel.identity.CurrentStaff;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.shared.ui.BoundedUpload;

/**
 * Where an organisation admin writes the organisation's own dialogues: upload a file or type in the editor, check
 * it (every problem with its line and column), walk it through as a preview, publish it as a new version, look back
 * at earlier versions, compare two and publish an earlier one again. Always for the admin's own organisation;
 * {@link AuthoringService} checks that again.
 */
@Route("admin/dialogues")
@RolesAllowed({"ORG_ADMIN", "CONTENT_EDITOR", "PLATFORM_ADMIN"})
public class ScriptEditorView extends Div implements HasDynamicTitle {

    static final String ROUTE = "admin/dialogues";

    private final AuthoringService authoring;
    private final StaffMember admin;
    private final Select<ScriptVersion> scripts = new Select<>();
    private final ScriptEditor editor = new ScriptEditor();
    private final Div problems = new Div();
    private final Paragraph status = new Paragraph();
    private final VersionHistory history;
    private String currentScript;

    public ScriptEditorView(AuthoringService authoring, AuthoringProperties properties, CurrentStaff currentStaff) {
        this.authoring = authoring;
        this.admin = currentStaff.get().orElseThrow(() -> new AccessDeniedException("no administrator logged in"));
        addClassNames("sp-page", "sp-authoring");
        history = new VersionHistory(new VersionHistory.Actions() {
            @Override
            public void open(int version) {
                editor.setValue(authoring.source(admin.userId(), admin.organisationId(), currentScript, version)
                        .orElse(""));
                problems.removeAll();
            }

            @Override
            public void rollback(int version) {
                publish(() -> authoring.rollback(admin.userId(), admin.organisationId(), currentScript, version));
            }

            @Override
            public List<DiffLine> diff(int from, int to) {
                return authoring.diff(admin.userId(), admin.organisationId(), currentScript, from, to);
            }
        });

        add(new H1(getTranslation("authoring.title")));
        Paragraph intro = new Paragraph(getTranslation("authoring.intro",
                properties.maxScriptSize().toKilobytes()));
        intro.setId("authoring-intro");
        Anchor analytics = new Anchor("admin/analytics", getTranslation("authoring.to-analytics"));
        analytics.setId("authoring-to-analytics");
        // a content editor writes dialogues but sees no figures about people
        analytics.setVisible(admin.role() != nl.spiegel.identity.Role.CONTENT_EDITOR);
        add(intro, analytics, chooser(), upload(properties), editor, actions());
        problems.setId("authoring-problems");
        problems.addClassName("sp-problems");
        problems.getElement().setAttribute("role", "alert");
        status.setId("authoring-status");
        status.getElement().setAttribute("role", "status");
        add(problems, status, history);
        refreshScripts(null);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("authoring.title") + " · " + getTranslation("app.name");
    }

    private Div chooser() {
        scripts.setId("authoring-script");
        scripts.setLabel(getTranslation("authoring.script.label"));
        scripts.setEmptySelectionAllowed(true);
        scripts.setEmptySelectionCaption(getTranslation("authoring.script.none"));
        scripts.setItemLabelGenerator(version -> version == null ? getTranslation("authoring.script.none")
                : version.title().in(getLocale()) + " (" + version.scriptId() + ")");
        scripts.addValueChangeListener(change -> {
            if (change.isFromClient() || change.getValue() != null) {
                select(change.getValue());
            }
        });
        Button fresh = new Button(getTranslation("authoring.new"), click -> {
            scripts.clear();
            select(null);
        });
        fresh.setId("authoring-new");
        Div chooser = new Div(scripts, fresh);
        chooser.addClassName("sp-authoring-chooser");
        return chooser;
    }

    private Upload upload(AuthoringProperties properties) {
        int limit = (int) properties.maxScriptSize().toBytes();
        // reads at most one byte over the limit, whatever is posted to the upload's address
        Upload upload = new Upload(new BoundedUpload(limit, file -> {
            UploadedScript read = authoring.readUpload(file.bytes(), file.size());
            if (read.problem().isPresent()) {
                // the editor keeps what it had: a file far too large or garbled is never put into it
                showProblems(List.of(read.problem().get()));
                status.setText("");
                return;
            }
            editor.setValue(read.text().orElseThrow());
            check();
        }));
        upload.setId("authoring-upload");
        upload.setMaxFiles(1);
        // no size limit in the browser: its message would be Vaadin's English one; the server names the limit
        upload.setAcceptedFileTypes(".yaml", ".yml", "text/yaml", "application/yaml", "text/plain");
        upload.setDropLabel(new com.vaadin.flow.component.html.Span(getTranslation("authoring.upload.drop")));
        return upload;
    }

    private Div actions() {
        Button check = new Button(getTranslation("authoring.check"), click -> check());
        check.setId("authoring-check");
        Button preview = new Button(getTranslation("authoring.preview"), click -> preview());
        preview.setId("authoring-preview");
        Button publish = new Button(getTranslation("authoring.publish"),
                click -> publish(() -> authoring.publish(admin.userId(), admin.organisationId(), editor.value())));
        publish.setId("authoring-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div actions = new Div(check, preview, publish);
        actions.addClassName("sp-authoring-actions");
        return actions;
    }

    private DraftCheck check() {
        DraftCheck result = authoring.check(editor.value());
        showProblems(result.issues());
        status.setText(result.publishable() ? getTranslation("authoring.status.ok") : "");
        return result;
    }

    private void preview() {
        DraftCheck result = check();
        result.script().ifPresent(script -> {
            VaadinSession.getCurrent().setAttribute(DialoguePreview.class, new DialoguePreview(script, ROUTE));
            UI.getCurrent().navigate("admin/dialogues/preview");
        });
    }

    private void publish(java.util.function.Supplier<ScriptVersion> action) {
        try {
            ScriptVersion published = action.get();
            problems.removeAll();
            refreshScripts(published.scriptId());
            // after the refresh, which selects the script and so clears the status
            status.setText(getTranslation("authoring.status.published", published.version()));
        } catch (PublishRefusedException refused) {
            showProblems(refused.issues());
            status.setText(getTranslation("authoring.status.refused"));
        }
    }

    private void refreshScripts(String select) {
        List<ScriptVersion> own = authoring.scripts(admin.userId(), admin.organisationId());
        scripts.setItems(own);
        own.stream().filter(version -> version.scriptId().equals(select)).findFirst().ifPresent(scripts::setValue);
    }

    private void select(ScriptVersion version) {
        problems.removeAll();
        status.setText("");
        if (version == null) {
            currentScript = null;
            editor.setValue(authoring.template());
            history.show(List.of(), getLocale());
            return;
        }
        boolean switched = !version.scriptId().equals(currentScript);
        currentScript = version.scriptId();
        if (switched) {
            editor.setValue(authoring.source(admin.userId(), admin.organisationId(), currentScript,
                    version.version()).orElse(""));
        }
        history.show(authoring.history(admin.userId(), admin.organisationId(), currentScript), getLocale());
    }

    private void showProblems(List<ScriptIssue> issues) {
        problems.removeAll();
        if (issues.isEmpty()) {
            return;
        }
        problems.add(new Paragraph(getTranslation("authoring.problems.count", issues.size())));
        int n = 0;
        for (ScriptIssue issue : issues) {
            Object[] args = issue.args().toArray();
            Div row = new Div(getTranslation("authoring.problems.at", issue.line(), issue.column(),
                    getTranslation(issue.messageKey(), args)));
            row.setId("problem-" + (++n));
            row.addClassNames("sp-problem", issue.safety() ? "sp-problem-safety" : "sp-problem-format");
            problems.add(row);
        }
    }
}
