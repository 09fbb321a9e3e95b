/**
 * What happens when a message shows risk: the safety flow per kind, the screener, crisis contacts, the safety plan and the live handoff to a therapist.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "dialogue", "identity", "organisation", "privacy", "risk", "shared", "shared :: *"})
package nl.spiegel.escalation;
