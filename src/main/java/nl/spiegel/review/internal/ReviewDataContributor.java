package nl.spiegel.review.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.privacy.PersonalDataContributor;
import nl.spiegel.privacy.PersonalDataSection;

/**
 * The dialogues a person shared with a therapist and the feedback they got. The therapist's private notes are the
 * therapist's working notes and are not exported, but they are deleted with the share. Shares point at dialogue
 * sessions, so they go first.
 */
@Component
@Order(50)
class ReviewDataContributor implements PersonalDataContributor {

    private final ReviewRepository repository;
    private final StaffDirectory staff;
    private final ExpertRepository experts;

    ReviewDataContributor(ReviewRepository repository, StaffDirectory staff, ExpertRepository experts) {
        this.experts = experts;
        this.repository = repository;
        this.staff = staff;
    }

    @Override
    public List<PersonalDataSection> export(UserId person, Locale locale) {
        List<Map<String, Object>> shares = new ArrayList<>();
        for (ReviewRepository.ShareRow row : repository.sharesOfPerson(person, null)) {
            Map<String, Object> share = new LinkedHashMap<>();
            share.put("shareId", row.id().toString());
            share.put("sessionId", row.session().toString());
            share.put("therapist", staff.find(row.therapist()).map(StaffMember::displayName).orElse(null));
            share.put("createdAt", row.createdAt());
            share.put("endsAt", row.endsAt());
            share.put("revokedAt", row.revokedAt());
            List<Map<String, Object>> feedback = new ArrayList<>();
            for (ReviewRepository.CommentRow comment : repository.comments(List.of(row.id()), "FEEDBACK")) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("at", comment.at());
                item.put("text", comment.text());
                feedback.add(item);
            }
            share.put("feedback", feedback);
            shares.add(share);
        }
        return List.of(new PersonalDataSection("shares", shares));
    }

    @Override
    public int delete(UserId person) {
        // requests point at shares, so they go first
        return experts.deleteEverythingOf(person) + repository.deleteEverythingOf(person);
    }
}
