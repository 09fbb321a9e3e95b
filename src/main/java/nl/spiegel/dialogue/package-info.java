/**
 * Scripted dialogues: the pure engine, the script format and catalogue, sessions and the chat.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "learn", "organisation", "privacy", "risk", "shared", "shared :: *"})
package nl.spiegel.dialogue;
