package fr.thdtracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import fr.thdtracker.DemoDatabaseTest;

/**
 * The public map in Debian's headless Chromium, against the real server: it draws features from
 * the vector tiles, finds an address and opens its popup, and the layer switcher hides a layer.
 * Each test leaves a screenshot under target/screenshots for review.
 */
class MapPageBrowserTest extends DemoDatabaseTest {

    private static ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void openMap() {
        driver.get("http://localhost:" + port + "/");
        ((JavascriptExecutor) driver).executeScript("localStorage.clear();");
        driver.navigate().refresh();
        wait = new WebDriverWait(driver, Duration.ofSeconds(40));
        wait.until(d -> "true".equals(d.findElement(By.id("map")).getAttribute("data-ready")));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Features of a layer drawn in the current view, as the vector-tile renderer holds them. */
    private long drawn(String layer) {
        return ((Number) js("var l = window.thdLayers['" + layer + "'];"
                + "return l.getFeaturesInExtent(window.thdMap.getView().calculateExtent(window.thdMap.getSize())).length;"))
                .longValue();
    }

    private void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(driver, name);
    }

    @Test
    void theMapDrawsItsLayersFromVectorTiles() throws Exception {
        wait.until(d -> drawn("communes") > 50 && drawn("zones") > 10 && drawn("departments") >= 3);
        wait.until(d -> Boolean.TRUE.equals(js("return window.thdState.areasLoaded;")));
        wait.until(d -> d.findElement(By.id("refresh-date")).getText().contains("2026"));
        wait.until(d -> d.findElements(By.cssSelector("#phases-table tbody tr")).size() >= 4);
        // the tiles were really fetched from the server
        Number communeTiles = (Number) js("return window.thdState.tilesLoaded.communes || 0;");
        assertThat(communeTiles.longValue()).isPositive();
        screenshot("map-overview.png");

        // zoomed out (from level 10), premises are aggregates; zoomed in, buildings
        js("window.thdMap.getView().setZoom(11);");
        wait.until(d -> drawn("premises") > 0);
        assertThat((Boolean) js("var l = window.thdLayers.premises; var f = l.getFeaturesInExtent("
                + "window.thdMap.getView().calculateExtent(window.thdMap.getSize())); return f[0].get('aggregated') === true;"))
                .isTrue();
        screenshot("map-aggregates.png");
        List<Double> centre = jdbc.sql("""
                SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform(ST_Centroid(ST_Collect(geom)), 4326) p FROM building
                WHERE insee = (SELECT insee FROM building GROUP BY insee ORDER BY sum(lines) DESC LIMIT 1)) q
                """).query((rs, i) -> List.of(rs.getDouble(1), rs.getDouble(2))).single();
        js("window.thdMap.getView().setCenter(ol.proj.fromLonLat([" + centre.get(0) + "," + centre.get(1) + "]));"
                + "window.thdMap.getView().setZoom(16);");
        wait.until(d -> (Boolean) js("var l = window.thdLayers.premises; var f = l.getFeaturesInExtent("
                + "window.thdMap.getView().calculateExtent(window.thdMap.getSize()));"
                + "return f.length > 0 && f.some(function (x) { return x.get('state') !== undefined; });"));
        screenshot("map-premises.png");
    }

    @Test
    void searchFindsAnAddressAndOpensItsPopup() throws Exception {
        Map<String, Object> target = jdbc.sql("""
                SELECT p.id, p.street_number, p.street_name, c.name AS commune FROM building p JOIN commune c USING (insee)
                WHERE p.street_number IS NOT NULL AND p.street_suffix IS NULL AND p.street_name LIKE 'Rue %'
                ORDER BY p.id LIMIT 1
                """).query().singleRow();
        WebElement input = driver.findElement(By.id("search-input"));
        input.sendKeys(target.get("street_number") + " " + target.get("street_name") + " " + target.get("commune"));
        wait.until(d -> !d.findElements(By.cssSelector("#search-suggestions [role=option]")).isEmpty());
        input.sendKeys(Keys.ENTER);
        wait.until(d -> d.findElement(By.id("popup")).isDisplayed()
                && "premise".equals(d.findElement(By.id("popup-content")).getAttribute("data-kind")));
        String popup = driver.findElement(By.id("popup-content")).getText();
        assertThat(popup).contains((String) target.get("street_name")).contains((String) target.get("commune"));
        assertThat(popup).containsAnyOf("Fibre disponible", "Fibre prévue", "fibre");
        assertThat(popup).contains("Données au");
        Number shown = (Number) js("return window.thdState.lastPopupPremiseId;");
        Map<String, Object> shownRow = jdbc.sql("SELECT street_number, street_name FROM building WHERE id = :id")
                .param("id", shown.longValue()).query().singleRow();
        assertThat(shownRow.get("street_name")).isEqualTo(target.get("street_name"));
        assertThat(shownRow.get("street_number")).isEqualTo(target.get("street_number"));
        screenshot("map-search-popup.png");
    }

    /**
     * A street shared by several communes, typed with its commune and without a number: only that
     * commune's streets are offered; choosing the street offers its numbers; a number opens its line.
     */
    @Test
    void aChosenStreetOffersItsNumbersAndANumberOpensItsLine() throws Exception {
        Map<String, Object> target = jdbc.sql("""
                SELECT p.street_name, p.street_number, c.name AS commune FROM building p JOIN commune c USING (insee)
                WHERE p.street_suffix IS NULL AND p.street_name IN (SELECT street_name FROM address_index GROUP BY 1 HAVING count(*) >= 3)
                  AND (SELECT count(*) FROM commune o WHERE lower(o.name) = lower(c.name)) = 1
                  AND (SELECT count(DISTINCT street_number) FROM building s WHERE s.insee = p.insee AND s.street_name = p.street_name) >= 3
                ORDER BY p.street_name, p.insee, p.street_number DESC LIMIT 1
                """).query().singleRow();
        String street = (String) target.get("street_name");
        String commune = (String) target.get("commune");
        String typed = java.text.Normalizer.normalize(street + " " + commune, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace("'", " ").toLowerCase();
        // pasted at once: one suggestion request, for the whole text
        driver.findElement(By.id("search-input")).click();
        js("var i = document.getElementById('search-input'); i.value = '" + typed.replace("\\", "").replace("'", "") + "';"
                + "i.dispatchEvent(new Event('input', {bubbles: true}));");
        By options = By.cssSelector("#search-suggestions [role=option]");
        wait.until(d -> !d.findElements(options).isEmpty());
        List<String> streets = optionTexts();
        assertThat(streets).allSatisfy(label -> assertThat(label).contains(commune));
        assertThat(streets.get(0)).startsWith(street + ", " + commune);
        driver.findElements(options).get(0).click();

        String wanted = target.get("street_number") + " " + street + ", " + commune;
        // the street list is replaced by the numbers: read the options at once (never an element the
        // replacement may have removed in between), until only numbers are offered
        wait.until(d -> optionTexts().stream().anyMatch(o -> o.startsWith(wanted))
                && optionTexts().stream().allMatch(o -> o.matches("(?s)\\d.*")));
        assertThat(optionTexts()).allSatisfy(o -> assertThat(o).matches("(?s)\\d.*"));
        screenshot("map-search-numbers.png");
        driver.findElements(options).stream().filter(o -> o.getText().startsWith(wanted)).findFirst().orElseThrow().click();
        wait.until(d -> d.findElement(By.id("popup")).isDisplayed()
                && "premise".equals(d.findElement(By.id("popup-content")).getAttribute("data-kind")));
        Number shown = (Number) js("return window.thdState.lastPopupPremiseId;");
        Map<String, Object> shownRow = jdbc.sql("SELECT street_number, street_name FROM building WHERE id = :id")
                .param("id", shown.longValue()).query().singleRow();
        assertThat(shownRow.get("street_name")).isEqualTo(street);
        assertThat(shownRow.get("street_number")).isEqualTo(target.get("street_number"));
    }

    /** The texts of the search suggestions, read in one script (the list may be re-rendered meanwhile). */
    @SuppressWarnings("unchecked")
    private List<String> optionTexts() {
        return (List<String>) js("return Array.from(document.querySelectorAll('#search-suggestions [role=option]'))"
                + ".map(o => o.innerText);");
    }

    @Test
    void theLayerSwitcherHidesALayer() throws Exception {
        wait.until(d -> drawn("zones") > 0);
        assertThat((Boolean) js("return window.thdLayers.zones.getVisible();")).isTrue();
        driver.findElement(By.id("layer-zones")).click();
        wait.until(d -> Boolean.FALSE.equals(js("return window.thdLayers.zones.getVisible();")));
        assertThat(driver.findElement(By.id("layer-zones")).isSelected()).isFalse();
        screenshot("map-without-zones.png");
        driver.findElement(By.id("layer-zones")).click();
        wait.until(d -> Boolean.TRUE.equals(js("return window.thdLayers.zones.getVisible();")));
    }

    @Test
    void theDateChangesTheCommuneFigures() throws Exception {
        wait.until(d -> Boolean.TRUE.equals(js("return window.thdState.areasLoaded;")));
        js("var i = document.getElementById('asof-date'); i.value = '2019-01-01';"
                + "i.dispatchEvent(new Event('input', {bubbles: true})); i.dispatchEvent(new Event('change', {bubbles: true}));");
        wait.until(d -> "2019-01-01".equals(js("return window.thdState.areasAsOf;"))
                && Boolean.TRUE.equals(js("return window.thdState.areasLoaded;")));
        assertThat(js("return window.thdState.asOf;")).isEqualTo("2019-01-01");
        screenshot("map-2019.png");
    }

    @Test
    void aLinkFromTheDashboardOpensTheMapOnItsPlace() {
        driver.get("http://localhost:" + port + "/#zone=ZD-P2-001&lon=-2.05&lat=48.45");
        wait.until(d -> "true".equals(d.findElement(By.id("map")).getAttribute("data-ready")));
        @SuppressWarnings("unchecked")
        List<Number> centre = (List<Number>) js("return ol.proj.toLonLat(window.thdMap.getView().getCenter());");
        assertThat(centre.get(0).doubleValue()).isCloseTo(-2.05, org.assertj.core.api.Assertions.within(0.01));
        assertThat(centre.get(1).doubleValue()).isCloseTo(48.45, org.assertj.core.api.Assertions.within(0.01));
        assertThat(((Number) js("return window.thdMap.getView().getZoom();")).doubleValue()).isEqualTo(12.0);
    }
}
