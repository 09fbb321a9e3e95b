package nl.spiegel.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.spiegel.risk.RiskLevel;

class SafetyFlowTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            CRISIS  | nl.crisis.explicit-wish                          | SUICIDE
            CONCERN | nl.concern.passive-wish                          | SUICIDE
            CRISIS  | nl.crisis.selfharm-now                           | SELF_HARM
            CONCERN | nl.concern.past-harm                             | SELF_HARM
            CRISIS  | nl.crisis.danger-now                             | ABUSE
            CONCERN | nl.concern.abuse-past                            | ABUSE
            CRISIS  | en.crisis.harm-others                            | HARM_TO_OTHERS
            CRISIS  | nl.crisis.medical nl.crisis.explicit-wish        | MEDICAL
            CRISIS  | nl.crisis.command-voices                         | PSYCHOSIS
            CONCERN | model.concern                                    | CHECK_IN
            CONCERN | context.concern                                  | CHECK_IN
            CRISIS  | model.crisis                                     | SUICIDE
            CONCERN | nl.concern.eating                                | SUICIDE
            CRISIS  | nl.crisis.explicit-wish nl.concern.abuse-past    | SUICIDE
            CRISIS  | nl.crisis.selfharm-now nl.crisis.explicit-wish   | SELF_HARM
            """)
    void eachKindOfRiskGetsItsOwnFlow(RiskLevel level, String ruleIds, SafetyFlow expected) {
        assertThat(SafetyFlow.choose(level, List.of(ruleIds.split(" ")))).isEqualTo(expected);
    }

    @Test
    void questionsAboutSuicideOnlyWhereTheyBelong() {
        assertThat(SafetyFlow.SELF_HARM.asksQuestions(List.of("nl.crisis.selfharm-now"))).isFalse();
        assertThat(SafetyFlow.SELF_HARM.asksQuestions(List.of("nl.crisis.selfharm-now", "nl.concern.passive-wish")))
                .isTrue();
        assertThat(SafetyFlow.ABUSE.asksQuestions(List.of("nl.crisis.danger-now"))).isFalse();
        assertThat(SafetyFlow.CHECK_IN.asksQuestions(List.of("model.concern", "nl.concern.passive-wish"))).isFalse();
        assertThat(SafetyFlow.MEDICAL.asksQuestions(List.of("nl.crisis.medical", "nl.crisis.attempt"))).isFalse();
        assertThat(SafetyFlow.SUICIDE.asksQuestions(List.of("nl.concern.eating"))).isTrue();
    }

    @Test
    void eachFlowPutsItsOwnContactFirstAndKeepsTheOthers() {
        List<CrisisContact> defaults = List.of(
                new CrisisContact("113", "", List.of("113"), null, ContactPurpose.SUICIDE_LINE),
                new CrisisContact("112", "", List.of("112"), null, ContactPurpose.EMERGENCY),
                new CrisisContact("Huisarts", "", List.of(), null, ContactPurpose.GP),
                new CrisisContact("Veilig Thuis", "", List.of("0800-2000"), null, ContactPurpose.ABUSE_LINE),
                new CrisisContact("Eigen team", "", List.of("0900-1"), null));

        assertThat(names(defaults, SafetyFlow.SUICIDE.contactOrder(true)))
                .containsExactly("113", "112", "Huisarts", "Veilig Thuis", "Eigen team");
        assertThat(names(defaults, SafetyFlow.ABUSE.contactOrder(false)))
                .containsExactly("Veilig Thuis", "112", "Huisarts", "113", "Eigen team");
        assertThat(names(defaults, SafetyFlow.ABUSE.contactOrder(true)).getFirst()).isEqualTo("112");
        assertThat(names(defaults, SafetyFlow.MEDICAL.contactOrder(false)).getFirst()).isEqualTo("112");
        assertThat(names(defaults, SafetyFlow.SELF_HARM.contactOrder(false)).subList(0, 2))
                .containsExactly("Huisarts", "113");
        assertThat(names(defaults, SafetyFlow.SELF_HARM.contactOrder(true)).getFirst()).isEqualTo("112");
        assertThat(names(defaults, SafetyFlow.HARM_TO_OTHERS.contactOrder(false)).getFirst()).isEqualTo("Huisarts");
    }

    private static List<String> names(List<CrisisContact> contacts, List<ContactPurpose> order) {
        return CrisisContact.ordered(contacts, order).stream().map(CrisisContact::name).toList();
    }
}
