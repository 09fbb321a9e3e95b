package nl.spiegel.organisation.internal;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import nl.spiegel.organisation.OrganisationDirectory;

/** Serves an organisation's stylesheet and logo; an unknown slug is a plain 404. */
@RestController
class BrandingController {

    private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final OrganisationDirectory organisations;

    BrandingController(OrganisationDirectory organisations) {
        this.organisations = organisations;
    }

    @GetMapping(value = "/branding/{slug}.css", produces = "text/css;charset=UTF-8")
    ResponseEntity<String> stylesheet(@PathVariable String slug) {
        return organisations.stylesheet(slug)
                .map(css -> ResponseEntity.ok().cacheControl(SHORT).contentType(MediaType.valueOf("text/css"))
                        .body(css))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/branding/{slug}/logo")
    ResponseEntity<byte[]> logo(@PathVariable String slug) {
        return organisations.logo(slug)
                .map(logo -> ResponseEntity.ok().cacheControl(SHORT)
                        .contentType(MediaType.parseMediaType(logo.contentType())).body(logo.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
