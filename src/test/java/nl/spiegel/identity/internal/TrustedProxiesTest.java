package nl.spiegel.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.catalina.util.NetMaskSet;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

import nl.spiegel.identity.ProxyProperties;

class TrustedProxiesTest {

    @Test
    void withoutConfiguredProxiesNobodyIsTrustedNotEvenPrivateAddresses() throws Exception {
        RemoteIpValve valve = customised(List.of());

        assertThat(valve.getInternalProxies()).isNull();
        assertThat(valve.getTrustedProxies()).isNull();
    }

    @Test
    void onlyTheConfiguredProxiesAreTrusted() throws Exception {
        NetMaskSet trusted = NetMaskSet.parse(customised(List.of("10.0.0.5", " fd00::7 ", "172.18.0.0/30"))
                .getInternalProxies());

        assertThat(trusted.contains("10.0.0.5")).isTrue();
        assertThat(trusted.contains("fd00::7")).isTrue();
        assertThat(trusted.contains("172.18.0.1")).isTrue();
        assertThat(trusted.contains("172.18.0.4")).isFalse();
        assertThat(trusted.contains("10.0.0.50")).isFalse();
        assertThat(trusted.contains("10.0.0.6")).isFalse();
        assertThat(trusted.contains("192.168.1.1")).isFalse();
        assertThat(trusted.contains("127.0.0.1")).isFalse();
    }

    /** As Spring Boot sets it up for server.forward-headers-strategy=native, then with this project's settings. */
    private static RemoteIpValve customised(List<String> proxies) throws Exception {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        RemoteIpValve valve = new RemoteIpValve();
        assertThat(NetMaskSet.parse(valve.getInternalProxies()).contains("192.168.1.1")).as("Tomcat's default")
                .isTrue();
        factory.addEngineValves(valve);
        new TrustedProxies(new ProxyProperties(proxies)).customize(factory);
        return valve;
    }
}
