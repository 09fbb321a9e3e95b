/**
 * Organisations write their own dialogues: scripts stored in the database with versions, a publish-time safety
 * check on top of the script validation, preview, history, diff and rollback ({@code AuthoringService}); and
 * analytics over groups of at least ten people ({@code UsageAnalytics}). The shipped script files are seeded as the
 * default organisation's catalogue, which everyone is offered.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "dialogue", "dialogue :: content", "dialogue :: engine", "escalation", "identity",
                "organisation", "progress", "risk", "shared", "shared :: *"})
package nl.spiegel.authoring;
