package nl.spiegel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/** axe-core on the page a browser shows. */
final class Axe {

    private Axe() {
    }

    /** The critical and serious violations, each with the rule, its help text and where it is. */
    static List<String> seriousViolations(Browser browser, String page) {
        browser.waitForVaadin();
        Results results = new AxeBuilder().analyze(browser.driver());
        assertThat(results.isErrored()).as("axe-core ran on %s", page).isFalse();
        List<String> problems = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (Set.of("critical", "serious").contains(rule.getImpact())) {
                problems.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .map(node -> node.getTarget() + " " + node.getFailureSummary())
                                .collect(Collectors.joining("; ")));
            }
        }
        return problems;
    }
}
