package nl.spiegel.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trustedAddresses network addresses of the reverse proxies in front of Spiegel (IPv4 or IPv6 addresses, or
 *                         ranges in CIDR form such as {@code 10.0.0.0/24}).
 *                         Only a request arriving from one of them may say, in {@code X-Forwarded-For} and
 *                         {@code X-Forwarded-Proto}, who the client is and that it used https. Empty: nobody, the
 *                         headers are ignored.
 */
@ConfigurationProperties("spiegel.proxy")
public record ProxyProperties(@DefaultValue List<String> trustedAddresses) {
}
