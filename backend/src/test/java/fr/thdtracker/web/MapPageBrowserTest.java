package fr.thdtracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import fr.thdtracker.DemoDatabaseTest;

/** The first page in Debian's headless Chromium: the map draws our own layers from the API. */
class MapPageBrowserTest extends DemoDatabaseTest {

    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=fr-FR");
        // never let Selenium Manager fetch a browser or a driver: Debian's are used
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private long featureCount(String layer) {
        Object n = js("var l = window.thdLayers && window.thdLayers['" + layer + "'];"
                + "return l ? l.getSource().getFeatures().length : -1;");
        return ((Number) n).longValue();
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theMapDrawsCommunesZonesAndPremises() throws Exception {
        driver.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> featureCount("communes") > 0 && featureCount("zones") > 0 && featureCount("departments") > 0);
        assertThat(featureCount("communes")).isEqualTo(count("SELECT count(*) FROM commune"));
        assertThat(featureCount("zones")).isEqualTo(count("SELECT count(*) FROM deployment_zone"));
        wait.until(d -> d.findElement(By.id("refresh-date")).getText().contains("2026"));
        wait.until(d -> d.findElements(By.cssSelector("#phases-table tbody tr")).size() >= 4);
        screenshot("map-overview.png");

        // zoom on the densest commune: premises appear, coloured by state
        List<Double> centre = jdbc.sql("""
                SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform(ST_Centroid(ST_Collect(geom)), 4326) p FROM premise
                WHERE insee = (SELECT insee FROM premise GROUP BY insee ORDER BY count(*) DESC LIMIT 1)) q
                """).query((rs, i) -> List.of(rs.getDouble(1), rs.getDouble(2))).single();
        js("window.thdMap.getView().setCenter(ol.proj.fromLonLat([" + centre.get(0) + "," + centre.get(1) + "]));"
                + "window.thdMap.getView().setZoom(15);");
        wait.until(d -> featureCount("premises") > 0);
        screenshot("map-premises.png");
        assertThat(driver.findElement(By.id("layer-premises")).isSelected()).isTrue();

        // the layer switcher hides a layer
        driver.findElement(By.id("layer-zones")).click();
        assertThat((Boolean) js("return window.thdLayers.zones.getVisible();")).isFalse();
    }
}
