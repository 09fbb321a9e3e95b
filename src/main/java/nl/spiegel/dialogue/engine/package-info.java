/** The pure state machine over scripts; the authoring module walks it for checks and previews. */
@org.springframework.modulith.NamedInterface("engine")
package nl.spiegel.dialogue.engine;
