package nl.spiegel.e2e;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running app on a random port and the headless browsers a journey opens; every browser is closed after a test. */
abstract class BrowserJourney {

    @LocalServerPort
    protected int port;

    private final List<Browser> browsers = new ArrayList<>();

    @AfterEach
    void quitBrowsers() {
        for (Browser browser : browsers) {
            try {
                browser.close();
            } catch (RuntimeException e) {
                // the next one still has to be closed
            }
        }
        browsers.clear();
    }

    /** A fresh browser: a new profile, so a new visitor unless a cookie is carried over. */
    protected Browser browser(int width, int height) {
        return browser(width, height, false);
    }

    /** A fresh browser that may refuse third-party cookies, as a privacy setting does. */
    protected Browser browser(int width, int height, boolean blockThirdPartyCookies) {
        Browser browser = Browser.open(baseUrl(), width, height, blockThirdPartyCookies);
        browsers.add(browser);
        return browser;
    }

    protected void close(Browser browser) {
        browsers.remove(browser);
        browser.close();
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
