/**
 * The psycho-education corner.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "shared :: *"})
package nl.spiegel.learn;
