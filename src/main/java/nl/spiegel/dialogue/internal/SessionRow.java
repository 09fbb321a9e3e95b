package nl.spiegel.dialogue.internal;

import java.time.Instant;

import nl.spiegel.dialogue.SafetyPause;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.dialogue.engine.DialogueState;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;

public record SessionRow(SessionId id, OrganisationId organisationId, UserId userId, String scriptId,
                         int scriptVersion, DialogueState state, int revision, Instant startedAt, Instant updatedAt,
                         Instant finishedAt, SafetyPause pause, String pendingInput) {

    public SessionRow(SessionId id, OrganisationId organisationId, UserId userId, String scriptId, int scriptVersion,
                      DialogueState state, int revision, Instant startedAt, Instant updatedAt, Instant finishedAt) {
        this(id, organisationId, userId, scriptId, scriptVersion, state, revision, startedAt, updatedAt, finishedAt,
                null, null);
    }

    public boolean paused() {
        return pause != null;
    }
}
