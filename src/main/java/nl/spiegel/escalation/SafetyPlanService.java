package nl.spiegel.escalation;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.escalation.internal.SafetyPlanRepository;
import nl.spiegel.identity.Visitor;

/** Loading and saving a visitor's own safety plan. Only ids are ever logged, never what the plan says. */
@Service
public class SafetyPlanService {

    private static final Logger log = LoggerFactory.getLogger(SafetyPlanService.class);

    private final SafetyPlanRepository plans;
    private final Clock clock;

    SafetyPlanService(SafetyPlanRepository plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    /** The visitor's plan, or an empty one when they have not made one yet. */
    @Transactional(readOnly = true)
    public SafetyPlan load(Visitor visitor) {
        return plans.find(visitor.userId()).map(SafetyPlan::new).orElseGet(SafetyPlan::empty);
    }

    /**
     * @throws IllegalArgumentException when a section is longer than {@link SafetyPlan#MAX_SECTION_LENGTH}
     */
    @Transactional
    public void save(Visitor visitor, SafetyPlan plan) {
        for (Map.Entry<SafetyPlan.Section, String> section : plan.sections().entrySet()) {
            String text = section.getValue();
            if (text.codePointCount(0, text.length()) > SafetyPlan.MAX_SECTION_LENGTH) {
                throw new IllegalArgumentException("safety plan section " + section.getKey().code() + " too long");
            }
        }
        plans.save(visitor.organisationId(), visitor.userId(), plan.sections(), clock.instant());
        log.info("safety plan of user {} saved", visitor.userId());
    }
}
