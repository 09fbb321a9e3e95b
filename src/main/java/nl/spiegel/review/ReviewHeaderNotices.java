package nl.spiegel.review;

import java.util.Optional;

import org.springframework.stereotype.Component;

import nl.spiegel.identity.CurrentStaff;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.shared.ui.HeaderNotices;

/** The header link to new notices: a therapist's goes to the inbox, a person's to their notices page. */
@Component
class ReviewHeaderNotices implements HeaderNotices {

    private final ReviewNoticeService notices;
    private final CurrentStaff currentStaff;
    private final CurrentVisitor currentVisitor;

    ReviewHeaderNotices(ReviewNoticeService notices, CurrentStaff currentStaff, CurrentVisitor currentVisitor) {
        this.notices = notices;
        this.currentStaff = currentStaff;
        this.currentVisitor = currentVisitor;
    }

    @Override
    public Optional<Notice> current() {
        var staff = currentStaff.get();
        if (staff.isPresent()) {
            int count = staff.get().isTherapist() ? notices.unread(staff.get().userId()) : 0;
            return count == 0 ? Optional.empty()
                    : Optional.of(new Notice("nav-review-notices", "therapist/reviews", "review.notice.header.staff",
                            count));
        }
        if (!currentVisitor.isLoggedIn()) {
            return Optional.empty();
        }
        int count = notices.unread(currentVisitor.get().userId());
        return count == 0 ? Optional.empty()
                : Optional.of(new Notice("nav-notices", "notifications", "review.notice.header.person", count));
    }
}
