package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import playground.runs.RunLimits;

/** Issue 12 item 7: the limiter forgets a browser once its minute has passed, so it cannot grow without bound. */
class BrowserLimitsTest {
    @Test
    void startsFromManyBrowsersAreForgottenAfterTheirMinute() {
        BrowserLimits limits = new BrowserLimits(RunLimits.defaults().withStartsPerMinute(2));
        long t = 1_000_000;
        for (int i = 0; i < 130_000; i++) assertTrue(limits.tryStart("addr:10.0." + i, t));
        assertEquals(130_000, limits.remembered());
        assertTrue(limits.tryStart("addr:10.0.0", t + 1));
        assertFalse(limits.tryStart("addr:10.0.0", t + 2), "a browser's third start in its minute is refused");
        assertTrue(limits.tryStart("someone-else", t + 61_000));
        assertEquals(1, limits.remembered(), "only the browser seen in the last minute is remembered");
        assertTrue(limits.tryStart("addr:10.0.0", t + 61_001), "and the limited one may start again");
    }

    @Test
    void socketCountsGoWithTheirSocketsAndEachCeilingHolds() {
        BrowserLimits limits = new BrowserLimits(RunLimits.defaults().with(b -> {
            b.socketsPerBrowser = 2;
            b.socketsPerAddress = 3;
            b.maxSockets = 4;
        }));
        assertNull(limits.openSocket("a", "10.0.0.1"));
        assertNull(limits.openSocket("a", "10.0.0.1"));
        assertEquals(BrowserLimits.Refusal.BROWSER, limits.openSocket("a", "10.0.0.1"));
        assertNull(limits.openSocket("b", "10.0.0.1"));
        assertEquals(BrowserLimits.Refusal.ADDRESS, limits.openSocket("c", "10.0.0.1"));
        assertNull(limits.openSocket("c", "10.0.0.2"));
        assertEquals(BrowserLimits.Refusal.SERVER, limits.openSocket("d", "10.0.0.3"));
        limits.closeSocket("a", "10.0.0.1");
        assertNull(limits.openSocket("d", "10.0.0.3"));
        for (String[] s : new String[][] {{"a", "10.0.0.1"}, {"b", "10.0.0.1"}, {"c", "10.0.0.2"}, {"d", "10.0.0.3"}}) {
            limits.closeSocket(s[0], s[1]);
        }
        assertEquals(0, limits.openSockets());
    }

    @Test
    void theClientAddressIsTheRoutersEntryOnlyWhenItIsTrusted() {
        var peer = new java.net.InetSocketAddress("10.1.2.3", 40_000);
        RequestGuard direct = new RequestGuard(java.util.Set.of(), "s", 0);
        assertEquals("10.1.2.3", direct.clientAddress(peer, "1.1.1.1"), "no port, and no header trusted");
        RequestGuard behindRouter = new RequestGuard(java.util.Set.of(), "s", 1);
        assertEquals("203.0.113.9", behindRouter.clientAddress(peer, "6.6.6.6, 203.0.113.9"),
                "the router's own entry, not what the client claimed before it");
        assertEquals("10.1.2.3", behindRouter.clientAddress(peer, null));
    }

    @Test
    void aCookieSignedWithAnotherSecretCountsForNothing() {
        RequestGuard ours = new RequestGuard(java.util.Set.of(), "our secret", 0);
        RequestGuard theirs = new RequestGuard(java.util.Set.of(), "another secret", 0);
        String id = "0123456789abcdef0123456789abcdef";
        // a cookie is id.signature; only the issuing secret verifies it
        String cookie = id + "." + theirs.sign(id);
        assertNull(ours.browser(cookie));
        assertEquals(id, theirs.browser(cookie));
        assertNull(ours.browser(id), "an unsigned id");
    }
}
