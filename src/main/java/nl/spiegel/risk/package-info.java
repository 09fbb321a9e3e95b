/**
 * The risk detector: pure Java, no Spring beans and no other module of the application except the kernel's YAML reader
 * ({@code shared.yaml.SafeYaml}) (checked by
 * {@code RiskModuleBoundaryTest}, which is why this module carries no Modulith annotation); the application wires it in.
 */
package nl.spiegel.risk;
