package fr.thdtracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import fr.thdtracker.DemoDatabaseTest;

/** A viewer signs in through the form and the progress dashboard draws its charts. */
class DashboardBrowserTest extends DemoDatabaseTest {

    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(1280, 1600);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aViewerSeesTheDashboardCharts() throws Exception {
        driver.get("http://localhost:" + port + "/dashboard.html");
        // not signed in: Spring Security's form first, then back to the dashboard
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(40));
        wait.until(d -> !d.findElements(By.name("username")).isEmpty());
        driver.findElement(By.name("username")).sendKeys("t-viewer");
        driver.findElement(By.name("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("dashboard.html"));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        wait.until(d -> Boolean.TRUE.equals(js.executeScript("return window.thdDashboard && window.thdDashboard.loaded;")));
        for (String chart : new String[]{"scurves", "departments", "contractors"}) {
            Number datasets = (Number) js.executeScript(
                    "return window.thdDashboard.charts['" + chart + "'].data.datasets.length;");
            assertThat(datasets.intValue()).as(chart).isPositive();
        }
        assertThat(driver.findElements(By.cssSelector("#kpis [data-kpi]"))).hasSizeGreaterThanOrEqualTo(6);
        assertThat(driver.findElement(By.id("kpis")).getText()).contains("Construites");
        // the Excel report, built in the background with its progress shown, then offered for download
        driver.findElement(By.id("report-button")).click();
        wait.until(d -> d.findElement(By.id("report-link")).isDisplayed());
        Object contentType = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(document.getElementById('report-link').href, {credentials: 'same-origin'})
                  .then(function (r) { return r.blob().then(function (b) { done(r.status + ' ' + b.type + ' ' + b.size); }); })
                  .catch(function (e) { done('error ' + e); });
                """);
        assertThat((String) contentType).startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(Long.parseLong(((String) contentType).replaceAll(".* ", ""))).isGreaterThan(10_000);
        HeadlessChromium.screenshot(driver, "dashboard.png");
    }
}
