/**
 * The pure dialogue engine: scripts, nodes and their transitions, without Spring, Vaadin or a database. Shared as a
 * named interface so other modules can read a questionnaire's definition (items, scale, scoring, bands) from the same
 * script the chat runs, and so the authoring module can walk scripts for its checks and previews.
 */
@org.springframework.modulith.NamedInterface("engine")
package nl.spiegel.dialogue.engine;
