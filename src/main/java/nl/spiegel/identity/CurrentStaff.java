package nl.spiegel.identity;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** The logged-in staff member of the current request, for views. Empty for visitors and clients. */
@Component
public class CurrentStaff {

    private final AccountSessions sessions;

    CurrentStaff(AccountSessions sessions) {
        this.sessions = sessions;
    }

    public Optional<StaffMember> get() {
        return sessions.principal()
                .filter(details -> details.role() != Role.CLIENT)
                .map(details -> new StaffMember(details.userId(), details.organisationId(), details.displayName(),
                        details.role()));
    }
}
