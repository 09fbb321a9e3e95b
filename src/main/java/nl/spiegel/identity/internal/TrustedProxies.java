package nl.spiegel.identity.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import nl.spiegel.identity.ProxyProperties;

/**
 * Tomcat's {@link RemoteIpValve} (switched on by {@code server.forward-headers-strategy=native}) trusts forwarded
 * headers from every private and loopback address by default, so anybody on the same network, or a second container,
 * could claim any client address or https. Here it trusts exactly the configured proxies, and nobody when none are
 * configured. Runs after Spring Boot's own Tomcat settings.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

    private final ProxyProperties properties;

    TrustedProxies(ProxyProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatWebServerFactory factory) {
        String internal = pattern(properties.trustedAddresses());
        factory.getEngineValves().stream()
                .filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast)
                .forEach(valve -> {
                    valve.setInternalProxies(internal);
                    valve.setTrustedProxies(null);
                });
    }

    /** Tomcat's CIDR form of the addresses (a plain address is exactly that address); {@code null} (nobody) for none. */
    static String pattern(List<String> addresses) {
        List<String> given = addresses.stream().map(String::strip).filter(address -> !address.isEmpty()).toList();
        if (given.isEmpty()) {
            return null;
        }
        return given.stream()
                .map(address -> address.contains("/") ? address : address + (address.contains(":") ? "/128" : "/32"))
                .collect(Collectors.joining(", "));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
