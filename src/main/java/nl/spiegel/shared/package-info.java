/**
 * The small kernel every module may use: the clock, translations, the embedded database and the layouts
 * ({@code ui/}). The layouts' help button and the page shown while the database is away show escalation's crisis
 * help ({@code escalation :: ui}) directly: the one place the kernel uses a feature module, as the frame around every
 * screen that must always offer help.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package nl.spiegel.shared;
