package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import playground.RunDoc;
import playground.RealSite;
import playground.loadtest.Sessions;
import playground.loadtest.TrainClient;
import playground.runs.RunLimits;

/**
 * Issue 12's attacks on identity and on the HTTP API, each against a real server: a script without the cookie
 * the server signed gets no socket, one address cannot take every socket, and POST /api/train keeps the socket's
 * limits, a small number in flight and stops when its client hangs up.
 */
class IdentityAndHttpLimitsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SHORT = RunDoc.notes().epochs(2).json();
    /** Long enough (~1e11 operations, 10 s or more) that only a cancellation ends it within a few seconds. */
    private static final String HANGING = RunDoc.of(TrainSocketTest.LONG_RUN).units(0, 512).json();

    @Test
    void aSocketWithoutTheSignedCookieIsRefusedBeforeItExistsAndASignedOneIsAccepted() throws Exception {
        try (RealSite server = RealSite.oneCourse().workers(1).start()) {
            String forged = "0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAA";
            String signed = Sessions.fetch(server.port());
            String tampered = (signed.charAt(0) == 'a' ? 'b' : 'a') + signed.substring(1);
            for (String cookie : new String[] {null, "alice", forged, tampered}) {
                assertThrows(Exception.class, () -> TrainClient.openWithCookie(server.port(), cookie).close(),
                        "cookie " + cookie + " must not open a socket");
            }
            assertEquals(403, upgradeStatus(server.port(), null));
            try (TrainClient ok = TrainClient.openWithCookie(server.port(), signed)) {
                ok.start(SHORT);
                assertTrue(TrainClient.reached(ok.until("done", 30), "done"));
            }
            server.awaitStatus(st -> st.path("sockets").asInt() == 0, Duration.ofSeconds(5));
        }
    }

    @Test
    void oneAddressCannotHoldMoreThanItsCeilingHoweverManyCookiesItMints() throws Exception {
        RunLimits limits = RunLimits.defaults().withWorkers(1).with(b -> {
            b.socketsPerBrowser = 2;
            b.socketsPerAddress = 5;
        });
        try (RealSite server = RealSite.oneCourse().limits(limits).start()) {
            List<TrainClient> open = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) open.add(TrainClient.openWithCookie(server.port(), Sessions.fetch(server.port())));
                // a sixth fresh cookie from the same address: the socket opens, hears why, and is closed
                try (TrainClient sixth = TrainClient.openWithCookie(server.port(), Sessions.fetch(server.port()))) {
                    JsonNode error = sixth.events.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                    assertEquals("busy", error.path("code").asText(), String.valueOf(error));
                    assertTrue(error.path("message").asText().contains("네트워크"), error.toString());
                    assertEquals(1008, sixth.closed.get(10, java.util.concurrent.TimeUnit.SECONDS));
                }
                assertEquals(5, server.status().path("sockets").asInt());
            } finally {
                open.forEach(TrainClient::close);
            }
            server.awaitStatus(s -> s.path("sockets").asInt() == 0, Duration.ofSeconds(5));
        }
    }

    @Test
    void aCrossSitePostIsRefusedEvenAsTextPlain() throws Exception {
        try (RealSite server = RealSite.oneCourse().workers(1).start()) {
            for (String path : new String[] {"/api/train", "/api/summary"}) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Content-Type", "text/plain").header("Origin", "https://evil.example")
                        .POST(HttpRequest.BodyPublishers.ofString(SHORT)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(403, response.statusCode(), path + " " + response.body());
                assertEquals("forbidden", JSON.readTree(response.body()).path("code").asText());
            }
            assertEquals(0, server.status().path("active").asInt());
            HttpResponse<String> sameSite = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/summary"))
                    .header("Origin", "http://127.0.0.1:" + server.port())
                    .POST(HttpRequest.BodyPublishers.ofString(SHORT)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, sameSite.statusCode(), sameSite.body());
        }
    }

    @Test
    void httpRunsCountAgainstTheBrowsersStartsAndOnlyAFewAreInFlight() throws Exception {
        RunLimits limits = RunLimits.defaults().withWorkers(1).withStartsPerMinute(3)
                .withCostBudget(TrainSocketTest.LONG_RUN_BUDGET).with(b -> b.httpRuns = 1);
        try (RealSite server = RealSite.oneCourse().limits(limits).start()) {
            String cookie = "pg_browser=" + Sessions.fetch(server.port());
            Socket first = postRaw(server, HANGING, cookie);
            server.awaitActive(1, Duration.ofSeconds(10));
            HttpResponse<String> second = HTTP.send(post(server, "/api/train", SHORT, cookie, Duration.ofSeconds(10)),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, second.statusCode(), second.body());
            assertEquals("busy", JSON.readTree(second.body()).path("code").asText());
            assertEquals(200, server.get("/healthz").statusCode());
            first.close();
            // the hung-up request's run is cancelled: a space a second finds the connection gone
            server.awaitStatus(s -> s.path("active").asInt() == 0 && s.path("http_runs").asInt() == 0,
                    Duration.ofSeconds(5));
            // the browser started 1 of its 3; two more pass, the fourth is rate limited
            for (int i = 0; i < 2; i++) {
                server.awaitStatus(st -> st.path("http_runs").asInt() == 0, Duration.ofSeconds(5));  // one in flight
                HttpResponse<String> ok = HTTP.send(post(server, "/api/train", SHORT, cookie, Duration.ofSeconds(30)),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ok.statusCode(), ok.body());
                assertTrue(JSON.readTree(ok.body()).path("history").has("loss"), ok.body());
            }
            // the last answer is written before its slot is given back: wait for it, or this is "busy" not "limited"
            server.awaitStatus(st -> st.path("http_runs").asInt() == 0, Duration.ofSeconds(5));
            HttpResponse<String> limited = HTTP.send(post(server, "/api/train", SHORT, cookie, Duration.ofSeconds(10)),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(429, limited.statusCode(), limited.body());
        }
    }

    @Test
    void aHungUpRequestStopsItsRun() throws Exception {
        RunLimits limits = RunLimits.defaults().withWorkers(1).withCostBudget(TrainSocketTest.LONG_RUN_BUDGET);
        try (RealSite server = RealSite.oneCourse().limits(limits).start(); Socket socket = postRaw(server, HANGING, null)) {
            server.awaitActive(1, Duration.ofSeconds(10));
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            assertEquals(12, in.readNBytes(head, 0, 12), "the run answers 200 and keeps the line warm");
            assertEquals("HTTP/1.1 200", new String(head, StandardCharsets.US_ASCII));
            socket.close();
            server.awaitStatus(s -> s.path("active").asInt() == 0 && s.path("http_runs").asInt() == 0,
                    Duration.ofSeconds(5));
        }
    }

    @Test
    void previewsAreRateLimitedPerBrowser() throws Exception {
        try (RealSite server = RealSite.oneCourse().limits(RunLimits.defaults().withWorkers(1).with(b -> b.previewsPerMinute = 3)).start()) {
            String cookie = "pg_browser=" + Sessions.fetch(server.port());
            for (int i = 0; i < 3; i++) {
                assertEquals(200, HTTP.send(post(server, "/api/summary", SHORT, cookie, Duration.ofSeconds(10)),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            HttpResponse<String> limited = HTTP.send(post(server, "/api/summary", SHORT, cookie, Duration.ofSeconds(10)),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(429, limited.statusCode());
            assertEquals("rate_limited", JSON.readTree(limited.body()).path("code").asText());
            String other = "pg_browser=" + Sessions.fetch(server.port());
            assertEquals(200, HTTP.send(post(server, "/api/summary", SHORT, other, Duration.ofSeconds(10)),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "another browser has its own share");
        }
    }

    private static HttpRequest post(RealSite server, String path, String body, String cookie, Duration timeout) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(timeout)
                .header("Content-Type", "application/json").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** A POST of {@code body} to /api/train, written byte for byte on a socket the caller may drop. */
    private static Socket postRaw(RealSite server, String body, String cookie) throws Exception {
        Socket socket = new Socket("127.0.0.1", server.port());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/train HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return socket;
    }

    /** The status line's code of a websocket upgrade sent byte for byte. */
    private static int upgradeStatus(int port, String cookie) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /ws/train HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n" + (cookie == null ? "" : "Cookie: pg_browser=" + cookie + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] status = socket.getInputStream().readNBytes(12);
            return Integer.parseInt(new String(status, StandardCharsets.US_ASCII).substring(9, 12));
        }
    }
}
