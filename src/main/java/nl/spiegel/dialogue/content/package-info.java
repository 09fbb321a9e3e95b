/** Loading and validating dialogue scripts; used by the authoring module to check drafts the same way. */
@org.springframework.modulith.NamedInterface("content")
package nl.spiegel.dialogue.content;
