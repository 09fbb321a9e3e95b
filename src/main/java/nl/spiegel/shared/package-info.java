/**
 * The small kernel every module may use: the clock, translations, the embedded database and the main layout.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package nl.spiegel.shared;
