package nl.spiegel.identity.ui;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import nl.spiegel.identity.Account;
import nl.spiegel.identity.AccountService;
import nl.spiegel.identity.TotpSetup;
import nl.spiegel.shared.ui.TabStorage;

/**
 * The logged-in account: its address, the second login step (clients choose, staff always have it) and logging out.
 * Every action is checked again in {@link AccountService} against the session's own account.
 */
@Route("account")
@PermitAll
public class AccountView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountService accounts;
    private final AuthenticationContext authentication;
    private final Section totpSection = new Section();

    public AccountView(AccountService accounts, AuthenticationContext authentication) {
        this.accounts = accounts;
        this.authentication = authentication;
        addClassName("sp-account");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Account account = accounts.current().orElse(null);
        if (account == null) {
            event.forwardTo(LoginView.class);
            return;
        }
        Paragraph email = new Paragraph(getTranslation("account.email", account.email()));
        email.setId("account-email");
        Paragraph role = new Paragraph(getTranslation("account.role." + account.role().name().toLowerCase(
                java.util.Locale.ROOT)));
        role.addClassName("sp-note");
        role.setId("account-role");
        Button logout = new Button(getTranslation("account.logout"), click -> {
            // before the logout's own navigation, in the same response: nothing written stays in this tab
            TabStorage.forgetAll(UI.getCurrent());
            authentication.logout();
        });
        logout.setId("account-logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        totpSection.setId("account-totp");
        add(new H1(getTranslation("account.title")), email, role, totpSection, logout);
        showTotp(account);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title") + " \u00b7 " + getTranslation("app.name");
    }

    private void showTotp(Account account) {
        totpSection.removeAll();
        totpSection.add(new H2(getTranslation("account.totp.title")));
        Paragraph explain = new Paragraph(getTranslation("account.totp.explain"));
        explain.addClassName("sp-note");
        totpSection.add(explain);
        if (account.totpEnabled()) {
            Paragraph on = new Paragraph(getTranslation(account.mayDisableTotp() ? "account.totp.on"
                    : "account.totp.required"));
            on.setId("account-totp-status");
            totpSection.add(on);
            if (account.mayDisableTotp()) {
                CodeField code = new CodeField(getTranslation("account.totp.disable.code"));
                Button off = new Button(getTranslation("account.totp.disable"));
                off.setId("account-totp-disable");
                off.addClickListener(click -> {
                    if (accounts.disableTotp(code.getValue())) {
                        refresh();
                    } else {
                        wrongCode(code);
                    }
                });
                totpSection.add(code, off);
            }
            return;
        }
        Paragraph off = new Paragraph(getTranslation("account.totp.off"));
        off.setId("account-totp-status");
        Button start = new Button(getTranslation("account.totp.enable"));
        start.setId("account-totp-enable");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(click -> showSetup(accounts.startTotp()));
        totpSection.add(off, start);
    }

    private void showSetup(TotpSetup setup) {
        totpSection.removeAll();
        totpSection.add(new H2(getTranslation("account.totp.title")), new TotpSetupPanel(setup));
        CodeField code = new CodeField(getTranslation("totp.code.label"));
        Button confirm = new Button(getTranslation("account.totp.confirm"));
        confirm.setId("account-totp-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> {
            if (accounts.confirmTotp(code.getValue())) {
                refresh();
            } else {
                wrongCode(code);
            }
        });
        totpSection.add(code, confirm);
    }

    private void refresh() {
        accounts.current().ifPresent(this::showTotp);
    }

    private void wrongCode(CodeField code) {
        code.clear();
        code.setErrorMessage(getTranslation("totp.code.wrong"));
        code.setInvalid(true);
    }
}
