package nl.spiegel.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.identity.internal.StaffUserDetails;

/** The logged-in staff member of the current request, for views. Empty for anonymous visitors. */
@Component
public class CurrentStaff {

    public Optional<StaffMember> get() {
        Optional<StaffMember> fromRequest = from(SecurityContextHolder.getContext());
        if (fromRequest.isPresent()) {
            return fromRequest;
        }
        // Push messages do not pass through the security filters; the context is still in the HTTP session
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null
                && session.getSession().getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext stored) {
            return from(stored);
        }
        return Optional.empty();
    }

    private static Optional<StaffMember> from(SecurityContext context) {
        Authentication authentication = context == null ? null : context.getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof StaffUserDetails details) {
            return Optional.of(details.member());
        }
        return Optional.empty();
    }
}
