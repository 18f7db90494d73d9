package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.config.KgConfig;

/**
 * The landing page in a real browser: Debian's headless Chromium driven by its ChromeDriver (./test, the README's test command, installs both);
 * a canned query is run by clicking, and its result table shows the expected first row. No browser is downloaded.
 */
class LandingPageBrowserTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static KgServer server;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "this test needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver (./test does)");
        server = Servers.standard(TestGraphs.queryable(), KgConfig.defaults().withPort(0)).start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        // the console, to see any script or style the Content Security Policy refuses
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null)
                browser.quit();
        } finally {
            if (server != null)
                server.stop();
        }
    }

    @Test
    void clicking_run_on_the_links_query_shows_the_first_link_in_a_table() {
        browser.get(server.baseUrl() + "/");
        assertEquals("Home · Soviet Policy KG", browser.getTitle());
        WebElement entry = browser.findElement(By.id("q-domestic-foreign-links"));
        entry.findElement(By.cssSelector("a.run")).click();

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.results tbody tr")));
        List<String> headers = browser.findElements(By.cssSelector("table.results thead th")).stream().map(WebElement::getText).toList();
        List<String> first = browser.findElements(By.cssSelector("table.results tbody tr:first-child td")).stream().map(WebElement::getText).toList();
        java.util.Map<String, String> row = zip(headers, first);
        FIRST_ROW.forEach((column, value) -> assertEquals(value, row.get(column), column + " in " + row));
    }

    @Test
    void the_sparql_editor_loads_from_our_own_server() {
        browser.get(server.baseUrl() + "/editor?query=" + java.net.URLEncoder.encode("SELECT * WHERE { ?s ?p ?o } LIMIT 1", java.nio.charset.StandardCharsets.UTF_8));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasqe")));
        assertTrue(browser.getPageSource().contains("/static/yasgui/yasgui.min.js"));
        // it runs a query under the server's Content Security Policy, and the policy refused nothing on the page
        browser.findElement(By.cssSelector(".yasqe_queryButton")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasr .dataTable, .yasr table")));
        List<String> refused = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
        assertEquals(List.of(), refused, "what the Content-Security-Policy refused on /editor");
    }

    /** A results table of long texts (the essay's sentences, their IRIs) stays within the page: no sideways scroll. */
    @Test
    void the_sparql_editor_does_not_scroll_sideways_after_a_query_runs() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(800, 700));
        String query = "SELECT ?sentence ?text ?paragraph WHERE { ?sentence a <https://w3id.org/soviet-policy-kg/ontology#Sentence> ;"
                + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> ?text ; <http://purl.org/dc/terms/isPartOf> ?paragraph ;"
                + " ?p ?o } LIMIT 40";
        browser.get(server.baseUrl() + "/editor?query=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasqe")));
        browser.findElement(By.cssSelector(".yasqe_queryButton")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasr .dataTable, .yasr table")));
        Object widths = browser.executeScript("return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
        List<?> w = (List<?>) widths;
        assertTrue(((Number) w.get(0)).longValue() <= ((Number) w.get(1)).longValue(), "page width " + w.get(0) + " within the window's " + w.get(1));
        assertTrue(browser.getPageSource().contains("Stalin"), "the sentences are in the table");
    }

    /**
     * The first row of the domestic-foreign-links query, by column (as in its golden file): the essay's author links
     * the attack Stalin expected from abroad to the Five Year Plans at home (paragraph 2, sentence 4).
     */
    static final java.util.Map<String, String> FIRST_ROW = java.util.Map.of(
            "relationLabel", "motivates",
            "domesticLabel", "Five Year Plans",
            "foreignLabel", "Attack from the West that Stalin expected",
            "directionLabel", "foreign to domestic",
            "agentLabel", "Author of the essay",
            "paragraph", "2",
            "sentence", "4",
            "quote", "could be overcome in time for their inevitable attack");

    static java.util.Map<String, String> zip(List<String> keys, List<String> values) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keys.size() && i < values.size(); i++)
            m.put(keys.get(i), values.get(i));
        return m;
    }

    @Test
    void the_timeline_is_drawn_with_every_dated_item_in_its_lane() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        browser.get(server.baseUrl() + "/pictures/timeline");
        WebElement svg = browser.findElement(By.cssSelector("figure.picture svg.timeline"));
        assertTrue(svg.getRect().getWidth() > 1000, "readable at 1280 px: " + svg.getRect());
        List<WebElement> domestic = browser.findElements(By.cssSelector("g.lane-domestic a.item"));
        List<WebElement> foreign = browser.findElements(By.cssSelector("g.lane-foreign a.item"));
        assertEquals(14, domestic.size(), "issue 25: industrialisation and the opening of the archives are dated now");
        assertEquals(20, foreign.size(), "issue 25: the propaganda in Spain and the control over the Republican cause too");
        for (WebElement item : domestic)
            assertTrue(item.getRect().getWidth() > 0 && item.getRect().getHeight() > 0, "drawn: " + item.getAttribute("data-label"));
        WebElement pact = browser.findElement(By.cssSelector("g.lane-foreign a.item[data-label='Molotov–Ribbentrop Pact']"));
        WebElement purge = browser.findElement(By.cssSelector("g.lane-domestic a.item[data-label='Great Purge']"));
        assertTrue(purge.getRect().getY() < pact.getRect().getY(), "domestic above, foreign below");
        assertTrue(purge.getRect().getX() < pact.getRect().getX(), "1937 before 1939");
        assertEquals("Molotov–Ribbentrop Pact", pact.findElement(By.cssSelector("text")).getText());
    }

    @Test
    void the_network_of_links_is_drawn_with_labelled_arrows_coloured_by_sphere() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        browser.get(server.baseUrl() + "/pictures/links");
        List<WebElement> edges = browser.findElements(By.cssSelector("svg.network a.edge"));
        List<WebElement> nodes = browser.findElements(By.cssSelector("svg.network a.node"));
        assertEquals(14, edges.size());
        assertEquals(19, nodes.size());
        WebElement litvinov = browser.findElement(By.cssSelector("svg.network a.node[data-label='Dismissal of Litvinov']"));
        WebElement pact = browser.findElement(By.cssSelector("svg.network a.node[data-label='Molotov–Ribbentrop Pact']"));
        assertEquals("domestic", litvinov.getAttribute("data-sphere"));
        assertEquals("foreign", pact.getAttribute("data-sphere"));
        assertTrue(litvinov.getRect().getX() < pact.getRect().getX(), "domestic on the left");
        assertEquals("rgb(31, 95, 159)", litvinov.findElement(By.cssSelector("circle")).getCssValue("fill"), "blue for domestic");
        assertTrue(edges.stream().anyMatch(e -> e.findElement(By.cssSelector("text")).getText().equals("enables")
                && e.getRect().getWidth() > 100), "a labelled arrow across");
    }

    @Test
    void the_essay_is_highlighted_and_the_filter_works_without_script() {
        browser.get(server.baseUrl() + "/essay");
        assertEquals(385, browser.findElements(By.cssSelector("[data-anno]")).size(), "every anchor of the essay");
        WebElement molotov = browser.findElement(By.cssSelector("#p4-s1 a.hl.k-mention[href='/id/molotov']"));
        assertEquals("Molotov", molotov.getText());
        browser.findElement(By.cssSelector("form.legend a[href='/essay?kind=claim']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("kind=claim"));
        assertEquals(58, browser.findElements(By.cssSelector("[data-anno]")).size(), "only the claims");
        assertEquals(58, browser.findElements(By.cssSelector("a.marker.k-claim")).size());
    }
}
