package playground.scratch;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import playground.Browser;

class ScratchTest {
    @Test
    void look() {
        try (Browser b = Browser.open(1200, 2000)) {
            b.get("http://127.0.0.1:7391/");
            b.waitFor("return document.querySelectorAll('.pg-widget[data-mounted]').length === 4");
            b.screenshot("scratch-before");
            b.script("document.querySelectorAll('.pg-widget .pg-run').forEach(b => b.click())");
            try {
                b.waitFor("return Array.from(document.querySelectorAll('.pg-widget')).every(w => ['done','error'].includes(w.dataset.state))", Duration.ofSeconds(30));
            } catch (Exception e) { System.out.println("TIMEOUT " + e); }
            System.out.println(b.script("return Array.from(document.querySelectorAll('.pg-widget')).map(w => w.dataset.state + ' ' + w.querySelector('.pg-status').textContent + ' ' + (w.querySelector('.pg-banner').textContent)).join('\\n')"));
            for (int i = 0; i < 4; i++) {
                b.script("document.querySelectorAll('.pg-widget')[" + i + "].scrollIntoView()");
                b.screenshot("scratch-" + i);
            }
            System.out.println(b.consoleErrors());
        }
    }
}
