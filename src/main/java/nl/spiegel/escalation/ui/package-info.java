/**
 * The crisis help every screen may show, and escalation's own pages. Other modules' screens use it directly: the
 * safety panel ({@link nl.spiegel.escalation.ui.SafetyPanels}), the help dialog and the one crisis-contact list
 * ({@link nl.spiegel.escalation.ui.HelpDialogs}, {@link nl.spiegel.escalation.ui.CrisisContactList}).
 * <p>
 * A named interface of the escalation module rather than a nested module like the other {@code ui} packages: Spring
 * Modulith lets only a nested module's parent and siblings use it, and the chat, the questionnaire and the layouts
 * must show these components. Everything here is a screen or a component; escalation's API (its root package)
 * returns data.
 */
@org.springframework.modulith.NamedInterface("ui")
package nl.spiegel.escalation.ui;
