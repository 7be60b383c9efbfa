package com.wildrydes.test.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's page in the browser, used as a learner uses it: its forms filled and submitted,
 * its nodes clicked; what it shows read from the drawn graph (cytoscape's elements) and the page.
 */
final class ConsolePage {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ChromeDriver driver;

    ConsolePage(ChromeDriver driver, java.net.URI url) {
        this.driver = driver;
        driver.get(url.toString());
        waitFor(
                "the graph drawn and the live updates connected",
                () -> Boolean.TRUE.equals(
                        driver.executeScript(
                                "const s = window.wildRydesConsole; return !!(s && s.cy && s.source && s.source.readyState === 1);")));
    }

    /**
     * The template's nodes in the graph (shown, or folded into a group of similar functions); the
     * moving message dots and the groups themselves left out.
     */
    Set<String> nodes() {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) driver.executeScript(
                "return window.wildRydesConsole.cy.nodes().filter(n => !n.hasClass('token') && n.data('kind') !== 'group')"
                        + ".map(n => n.id());");
        return new TreeSet<>(ids);
    }

    /**
     * How readable the graph is as the page first shows it, in screen pixels: the smallest node
     * label's font size at the current zoom, which shown nodes' boxes (their labels included)
     * overlap, and which lie outside the graph's area. A state and the state machine that holds it
     * are not counted as overlapping.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> legibility() {
        return (Map<String, Object>)
                driver.executeScript(
                        "const cy = window.wildRydesConsole.cy; const zoom = cy.zoom();"
                                + "const shown = cy.nodes(':visible').filter(n => !n.hasClass('token'));"
                                + "let smallest = Infinity, smallestNode = null;"
                                + "shown.forEach(n => { const px = parseFloat(n.style('font-size')) * zoom;"
                                + "  if (px < smallest) { smallest = px; smallestNode = n.id(); } });"
                                + "const boxes = shown.map(n => [n, n.renderedBoundingBox({includeLabels: true, includeOverlays: false})]);"
                                + "const overlaps = [], outside = [];"
                                + "for (let i = 0; i < boxes.length; i++) {"
                                + "  const [a, p] = boxes[i];"
                                + "  if (p.x1 < -1 || p.y1 < -1 || p.x2 > cy.width() + 1 || p.y2 > cy.height() + 1) outside.push(a.id());"
                                + "  for (let j = i + 1; j < boxes.length; j++) {"
                                + "    const [b, q] = boxes[j];"
                                + "    if (a.ancestors().contains(b) || b.ancestors().contains(a)) continue;"
                                + "    const w = Math.min(p.x2, q.x2) - Math.max(p.x1, q.x1), h = Math.min(p.y2, q.y2) - Math.max(p.y1, q.y1);"
                                + "    if (w > 1 && h > 1) overlaps.push(a.id() + ' and ' + b.id());"
                                + "  } }"
                                + "return {zoom, shown: shown.length, smallestLabelPx: smallest, smallestNode, overlaps, outside};");
    }

    /** The drawn edges of the template's kinds, as {@code kind id -> source>target}. */
    Map<String, String> edges() {
        @SuppressWarnings("unchecked")
        List<List<String>> list = (List<List<String>>)
                driver.executeScript(
                        "return window.wildRydesConsole.cy.edges().map(e => [e.data('kind'), e.id(), e.source().id(), e.target().id()]);");
        Map<String, String> edges = new TreeMap<>();
        for (List<String> edge : list) {
            edges.put(edge.get(0) + " " + edge.get(1), edge.get(2) + ">" + edge.get(3));
        }
        return edges;
    }

    long counter(String id, String name) {
        Object value = driver.executeScript(
                "const c = window.wildRydesConsole.counters[arguments[0]] || {}; return c[arguments[1]] || 0;",
                id,
                name);
        return ((Number) value).longValue();
    }

    /** The node's label as drawn, with its counters. */
    String label(String id) {
        return (String) driver.executeScript(
                "return window.wildRydesConsole.cy.getElementById(arguments[0]).data('display');", id);
    }

    void awaitCounter(String id, String name, long atLeast) {
        waitFor(id + " " + name + " >= " + atLeast, () -> counter(id, name) >= atLeast);
    }

    /** The CSS classes of a drawn element (a state's colour). */
    String classes(String id) {
        return String.valueOf(driver.executeScript(
                "return window.wildRydesConsole.cy.getElementById(arguments[0]).classes().join(' ');", id));
    }

    /** Fills the send-request form with one of the workshop's samples and sends it; the action's answer. */
    String sendSample(String route, String sample) {
        tab("send-request");
        WebElement form = driver.findElement(By.id("form-send-request"));
        new Select(form.findElement(By.name("route"))).selectByValue(route);
        new Select(form.findElement(By.name("sample"))).selectByVisibleText(sample);
        return submit(form);
    }

    String startExecution(String machine, String sample) {
        tab("start-execution");
        WebElement form = driver.findElement(By.id("form-start-execution"));
        new Select(form.findElement(By.name("stateMachine"))).selectByValue(machine);
        new Select(form.findElement(By.name("sample"))).selectByVisibleText(sample);
        return submit(form);
    }

    String planFault(String node, String service, String operation, int nth, int status, String code) {
        tab("plan-fault");
        WebElement form = driver.findElement(By.id("form-plan-fault"));
        new Select(form.findElement(By.name("node"))).selectByValue(node);
        new Select(form.findElement(By.name("service"))).selectByVisibleText(service);
        type(form.findElement(By.name("operation")), operation);
        type(form.findElement(By.name("nth")), Integer.toString(nth));
        type(form.findElement(By.name("status")), Integer.toString(status));
        type(form.findElement(By.name("code")), code);
        return submit(form);
    }

    String redrive(String queue) {
        tab("redrive");
        WebElement form = driver.findElement(By.id("form-redrive"));
        new Select(form.findElement(By.name("queue"))).selectByValue(queue);
        return submit(form);
    }

    /** From now on, notes each change of a state's colour in the graph, with the page's time (epoch ms). */
    void noteStateColours() {
        driver.executeScript("window.stateColours = [];"
                + "window.wildRydesConsole.cy.on('class', 'node[kind = \"state\"]', e => window.stateColours.push("
                + "{state: e.target.id(), classes: e.target.classes().join(' '), at: Date.now()}));");
    }

    /** Each noted change of a state's colour: {@code state}, {@code classes} and {@code at}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> stateColours() {
        return (List<Map<String, Object>>) driver.executeScript("return window.stateColours;");
    }

    /** When the live log's latest event of that kind happened (epoch ms, as the page lists it). */
    long lastLogged(String kind) {
        waitFor(
                "a " + kind + " in the live log",
                () -> !driver.findElements(By.cssSelector("#log-list li[data-kind='" + kind + "']"))
                        .isEmpty());
        return Long.parseLong(driver.findElement(By.cssSelector("#log-list li[data-kind='" + kind + "']"))
                .getAttribute("data-at"));
    }

    /** The groups drawn folded at first sight, each with the functions it stands for. */
    Map<String, List<String>> foldedGroups() {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> groups = (Map<String, List<String>>) driver.executeScript(
                "const groups = {}; window.wildRydesConsole.cy.nodes('[kind = \"group\"]').filter(n => n.visible())"
                        + ".forEach(n => { groups[n.id()] = n.data('functions'); }); return groups;");
        return new TreeMap<>(groups);
    }

    boolean shown(String id) {
        return Boolean.TRUE.equals(
                driver.executeScript("return window.wildRydesConsole.cy.getElementById(arguments[0]).visible();", id));
    }

    /** Clicks a folded group where it is drawn, as a learner would, and waits for its members to be shown. */
    void unfold(String group, String member) {
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) driver.executeScript(
                "const n = window.wildRydesConsole.cy.getElementById(arguments[0]); const p = n.renderedPosition();"
                        + "const box = document.getElementById('graph').getBoundingClientRect();"
                        + "return {x: box.left + p.x, y: box.top + p.y};",
                group);
        new Actions(driver)
                .moveToLocation(at.get("x").intValue(), at.get("y").intValue())
                .click()
                .perform();
        waitFor("the group " + group + " unfolded", () -> shown(member) && !shown(group));
    }

    /** Folds the group of the node whose details are shown, with the details' button, and waits for it. */
    void fold(String group) {
        driver.findElement(By.cssSelector("#details-body button.fold")).click();
        waitFor("the group " + group + " folded", () -> shown(group));
    }

    /** Clicks the node where it is drawn, as a learner would, and waits for its details. */
    String click(String id) {
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) driver.executeScript(
                "const s = window.wildRydesConsole; const n = s.cy.getElementById(arguments[0]);"
                        + "s.cy.fit(undefined, 30); const b = n.renderedBoundingBox({includeLabels: false});"
                        // A state machine holds its states: click its own border area, left of them.
                        + "const p = n.isParent() ? {x: b.x1 + 4, y: (b.y1 + b.y2) / 2} : n.renderedPosition();"
                        + "const box = document.getElementById('graph').getBoundingClientRect();"
                        + "return {x: box.left + p.x, y: box.top + p.y};",
                id);
        new Actions(driver)
                .moveToLocation(at.get("x").intValue(), at.get("y").intValue())
                .click()
                .perform();
        waitFor(
                "the details of " + id,
                () -> driver.findElements(By.cssSelector("#details-body .node-id")).stream()
                        .anyMatch(element -> element.getText().equals(id)));
        return driver.findElement(By.id("details-body")).getText();
    }

    /** The details panel's text once it shows what is expected (it refreshes as events arrive). */
    String awaitDetails(String expected) {
        waitFor(
                "the details to show " + expected,
                () -> driver.findElement(By.id("details-body"))
                        .getAttribute("textContent")
                        .contains(expected));
        return driver.findElement(By.id("details-body")).getAttribute("textContent");
    }

    /** How late each update was shown, in ms from the event to the page's next frame. */
    List<Long> latencies() {
        @SuppressWarnings("unchecked")
        List<Number> list = (List<Number>) driver.executeScript("return window.wildRydesConsole.latencies;");
        return list.stream().map(Number::longValue).sorted().toList();
    }

    private void tab(String name) {
        driver.findElement(By.cssSelector(".tabs button[data-tab='" + name + "']"))
                .click();
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private String submit(WebElement form) {
        driver.executeScript("document.getElementById('action-result').textContent = '';");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor("the action's answer", () -> {
            String text = driver.findElement(By.id("action-result")).getText();
            return !text.isEmpty() && !text.equals("sending…");
        });
        return driver.findElement(By.id("action-result")).getText();
    }

    private void waitFor(String what, Supplier<Boolean> condition) {
        new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100))
                .withMessage(() -> what + "; the browser's console: "
                        + driver.manage()
                                .logs()
                                .get(org.openqa.selenium.logging.LogType.BROWSER)
                                .getAll())
                .until(ignored -> condition.get());
    }

    static void assertDrawsTheTemplate(ConsolePage page, TemplateGraph expected) {
        assertEquals(expected.nodes(), page.nodes(), "the drawn nodes are the template's");
        Map<String, String> drawn = new TreeMap<>();
        Map<String, String> wanted = new TreeMap<>();
        page.edges().forEach((key, ends) -> {
            String kind = key.split(" ")[0];
            if (List.of("subscription", "eventSource", "redrive", "onFailure", "integration")
                    .contains(kind)) {
                drawn.merge(kind + " " + ends, "", String::concat);
            }
        });
        expected.edges().forEach((key, ends) -> wanted.put(key.split(" ")[0] + " " + ends, ""));
        assertEquals(wanted.keySet(), drawn.keySet(), "the drawn edges are the template's");
        assertTrue(expected.edges().size() == drawn.size(), "one drawn edge per template edge: " + drawn);
    }
}
