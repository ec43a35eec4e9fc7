package playground.scratch;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import playground.Browser;
import playground.TestSite;

class ScratchTest {
    @Test
    void look() {
        var site = TestSite.ownCourse();
        try (Browser b = Browser.open(390, 844)) {
            b.get("http://127.0.0.1:" + site.port() + "/ml-basics/02-classification-1");
            b.waitFor("return document.querySelectorAll('.pg-widget[data-mounted]').length === document.querySelectorAll('.pg-widget').length");
            String w = "Array.from(document.querySelectorAll('.pg-widget')).find(w => w.querySelector('.pg-title').textContent.startsWith('붓꽃: k-최근접'))";
            b.script("var w = " + w + "; w.scrollIntoView(); w.querySelector('.pg-sweep').click()");
            b.waitFor("return " + w + ".dataset.state === 'done'", Duration.ofSeconds(30));
            b.script(w + ".querySelector('.pg-sk-sweep').scrollIntoView()");
            b.screenshot("scratch-phone-sweep");
            b.resize(1280, 1000);
            b.script("var s = " + w + ".querySelector('[id$=\"-family\"]'); s.value = 'network'; s.dispatchEvent(new Event('change', {bubbles: true}))");
            b.waitFor("return " + w + ".querySelector('.pg-layer') !== null");
            b.script(w + ".scrollIntoView()");
            b.screenshot("scratch-network");
            System.out.println(b.consoleErrors());
        } finally {
            site.close();
        }
    }
}
