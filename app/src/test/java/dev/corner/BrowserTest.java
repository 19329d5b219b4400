package dev.corner;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A real Chromium (Debian's {@code /usr/bin/chromium}) driven by Playwright. CI installs it and a
 * missing browser fails there; on a machine without it, the browser tests are skipped.
 */
public abstract class BrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CORNER_CHROMIUM", "/usr/bin/chromium"));

    static Playwright playwright;
    static Browser browser;

    protected Page page;

    @BeforeAll
    static void launch() {
        boolean ci = System.getenv("CI") != null;
        if (!ci) {
            assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + "; browser tests skipped");
        }
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        page = browser.newContext().newPage();
        page.setDefaultTimeout(15_000);
    }

    @AfterEach
    void closePage() {
        page.context().close();
    }
}
