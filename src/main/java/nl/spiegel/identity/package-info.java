/**
 * Visitors, accounts, login with a second factor, sessions and staff.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"organisation", "shared", "shared :: *"})
package nl.spiegel.identity;
