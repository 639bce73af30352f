package fr.thdtracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import fr.thdtracker.DemoDatabaseTest;

/**
 * The Content-Security-Policy blocks nothing the pages need: the map, the login page and the
 * dashboard load in Debian's headless Chromium without a single securitypolicyviolation event
 * (collected by a listener installed before any page script runs).
 */
class SecurityCspBrowserTest extends DemoDatabaseTest {

    private static final String COLLECT_VIOLATIONS = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            """;

    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--window-size=1280,900");
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
        // Chrome DevTools: run the listener in every new document before its own scripts
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", COLLECT_VIOLATIONS));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** null (so the assertion fails) if the listener was not installed: the check cannot pass by accident. */
    @SuppressWarnings("unchecked")
    private List<String> violations() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("return window.__cspViolations;");
    }

    @Test
    void theMapLoginAndDashboardPagesRunUnderThePolicy() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(40));
        driver.get("http://localhost:" + port + "/");
        wait.until(d -> "true".equals(d.findElement(By.id("map")).getAttribute("data-ready")));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.thdState.areasLoaded;")));
        assertThat(violations()).as("map page").isEmpty();

        driver.get("http://localhost:" + port + "/dashboard.html");
        wait.until(d -> !d.findElements(By.name("username")).isEmpty());
        assertThat(violations()).as("login page").isEmpty();
        driver.findElement(By.name("username")).sendKeys("t-viewer");
        driver.findElement(By.name("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("dashboard.html"));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return window.thdDashboard && window.thdDashboard.loaded;")));
        assertThat(violations()).as("dashboard").isEmpty();

        // the control: an injected inline script is blocked, and the listener sees it
        ((JavascriptExecutor) driver).executeScript("""
                const s = document.createElement('script');
                s.textContent = 'window.__injected = true;';
                document.head.appendChild(s);
                """);
        wait.until(d -> !violations().isEmpty());
        assertThat(violations()).singleElement().asString().startsWith("script-src");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__injected === true;")).isEqualTo(false);
    }
}
