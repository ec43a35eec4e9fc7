package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import playground.RealSite;
import playground.loadtest.Sessions;
import playground.runs.RunLimits;

/** Students' own CSVs over real HTTP and the real socket: training, refusals, one browser's privacy, budget, expiry. */
class DatasetUploadsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RunLimits LIMITS = RunLimits.defaults().withWorkers(1).withStartsPerMinute(1000);
    /** Gone: never uploaded, expired, or another browser's, all told alike. */
    private static final String GONE = "dataset: 올린 CSV 데이터셋을 찾을 수 없습니다. 올린 CSV는 올린 브라우저에서만, 올린 뒤"
            + " 정해진 시간 동안만 쓸 수 있습니다. CSV를 다시 올려 주세요 (받은 값: \"%s\")";

    private RealSite server;
    private final MutableClock clock = new MutableClock();

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private void start(UploadLimits uploads) {
        server = RealSite.oneCourse().limits(LIMITS).trainer(limits -> new TrainService(limits, uploads, clock)).start();
    }

    /** Twenty students' 공부 시간 and 수면 시간, 합격 1 from five hours of study. */
    static String grades() {
        StringBuilder csv = new StringBuilder("공부 시간,수면 시간,합격\n");
        for (int i = 0; i < 20; i++) csv.append(i / 2.0).append(',').append(8 - i % 3).append(',')
                .append(i >= 10 ? 1 : 0).append('\n');
        return csv.toString();
    }

    static String logistic(String dataset) {
        return """
                {"dataset":"%s","seed":1,"model":{"normalize":true,"layers":[{"units":1,"activation":"sigmoid"}]},
                 "compile":{"optimizer":{"name":"adam","learning_rate":0.1},"loss":"binary_crossentropy",
                 "metrics":["accuracy"]},"fit":{"epochs":30,"batch_size":4,"validation_split":0.25}}"""
                .formatted(dataset);
    }

    private static String knn(String dataset) {
        return "{\"dataset\": \"" + dataset + "\", \"model\": {\"estimator\": \"KNeighborsClassifier\","
                + " \"params\": {\"n_neighbors\": 3}}}";
    }

    private HttpResponse<String> send(String method, String path, String browser, HttpRequest.BodyPublisher body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body).header("Content-Type", path.startsWith("/api/datasets") ? "text/csv" : "application/json");
        if (browser != null) request.header("Cookie", "pg_browser=" + Sessions.cookie(server.port(), browser));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String browser, String query, byte[] csv) throws Exception {
        return send("POST", "/api/datasets" + query, browser, HttpRequest.BodyPublishers.ofByteArray(csv));
    }

    private HttpResponse<String> upload(String browser, String csv) throws Exception {
        return upload(browser, "", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads and returns the new set's name. */
    private String uploaded(String browser, String csv) throws Exception {
        HttpResponse<String> response = upload(browser, csv);
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("name").asText();
    }

    private HttpResponse<String> post(String path, String browser, String body) throws Exception {
        return send("POST", path, browser, HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> get(String path, String browser) throws Exception {
        return send("GET", path, browser, HttpRequest.BodyPublishers.noBody());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void anUploadedCsvAnswersWhatItIsThenTrainsOverHttpAndTheSocket() throws Exception {
        start(UploadLimits.defaults());
        HttpResponse<String> response = upload("alice", "?title=%EC%9A%B0%EB%A6%AC%20%EB%B0%98",
                ("\uFEFF" + grades()).getBytes(StandardCharsets.UTF_8));
        assertEquals(201, response.statusCode(), response.body());
        JsonNode answer = json(response);
        String name = answer.path("name").asText();
        assertTrue(name.matches("upload-[0-9a-f]{16}"), name);
        assertEquals("우리 반", answer.path("title").asText());
        assertEquals(20, answer.path("rows").asInt());
        assertEquals(List.of("공부 시간", "수면 시간"), JSON.convertValue(answer.path("features"), List.class));
        assertEquals("합격", answer.path("target").asText());
        assertEquals("binary", answer.path("task").asText());
        assertEquals(List.of(16, 4), List.of(answer.path("train_rows").asInt(), answer.path("test_rows").asInt()));
        assertEquals(7200, answer.path("expires_in_seconds").asLong());

        HttpResponse<String> trained = post("/api/train", "alice", logistic(name));
        assertEquals(200, trained.statusCode(), trained.body());
        JsonNode result = json(trained);
        assertEquals(30, result.path("history").path("loss").size());
        assertEquals(8, result.path("summary").path("total_params").asInt(), "Normalization's 2 + 2 + 1, Dense's 2 + 1");
        assertEquals(3, result.path("summary").path("trainable_params").asInt());
        assertTrue(result.path("test").has("accuracy"), result.toString());

        try (SocketClient socket = SocketClient.open(server.port(), "alice")) {
            socket.start(logistic(name));
            List<JsonNode> events = socket.until("done", 30);
            JsonNode started = events.stream().filter(e -> e.path("type").asText().equals("started")).findFirst().orElseThrow();
            assertEquals(12, started.path("train_rows").asInt(), "16 training rows, the last quarter validating");
        }

        JsonNode summary = json(post("/api/summary", "alice", logistic(name)));
        assertTrue(summary.path("keras").asText().contains("'" + name + "'은(는) 직접 올린 CSV입니다"), summary.toString());
        assertEquals(name + "_train.csv", summary.path("csv_files").get(0).path("file").asText());
        HttpResponse<String> csv = get("/api/datasets/" + name + "/train.csv", "alice");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.body().startsWith("공부 시간,수면 시간,y\n"), csv.body());
        assertEquals(17, csv.body().lines().count());
        assertEquals(name, json(get("/api/datasets/uploads", "alice")).get(0).path("name").asText());
    }

    @Test
    void theTargetColumnAndTheTaskAreTheUploadersToChoose() throws Exception {
        start(UploadLimits.defaults());
        String target = java.net.URLEncoder.encode("공부 시간", StandardCharsets.UTF_8);
        JsonNode answer = json(upload("alice", "?target=" + target + "&task=regression",
                grades().getBytes(StandardCharsets.UTF_8)));
        assertEquals("공부 시간", answer.path("target").asText());
        assertEquals(List.of("수면 시간", "합격"), JSON.convertValue(answer.path("features"), List.class));
        assertEquals("regression", answer.path("task").asText());
        String tabs = grades().replace(',', '\t').replace("합격", "등급").replace("\t1\n", "\t2\n");
        assertEquals("binary", json(upload("alice", tabs)).path("task").asText(), "0 and 2 are two classes");
    }

    @Test
    void everyBadUploadGetsItsPrecise400AndTheServerKeepsServing() throws Exception {
        start(UploadLimits.defaults().withPerBrowser(3, 100));
        String good = grades();
        List<List<String>> cases = List.of(
                List.of(good.replace("2.5,", "두시간반,"), "7행 A열('공부 시간'): 숫자가 아닙니다 (받은 값: \"두시간반\")"),
                List.of(good.replace("\n3.0,8,0\n", "\n3.0,8\n"), "8행: 열이 3개여야 하는데 2개입니다 (헤더의 열 수와 같아야 합니다)"),
                List.of(good.replace("\n4.0,6,0\n", "\n4.0,,0\n"), "10행 B열('수면 시간'): 빈 칸입니다. 모든 칸에 숫자가 있어야 합니다"),
                List.of(good.replaceAll(",[01]\n", ",1\n"), "목표 열 C열('합격')의 값이 모두 1입니다: 값이 하나뿐이면 배울 것이 없습니다"),
                List.of("공부 시간,합격\n1,0\n2,1\n3,0\n", "데이터가 3행뿐입니다: 훈련과 테스트로 나누려면 적어도 10행이 있어야 합니다"),
                List.of("", "1행: 첫 줄에 열 이름(헤더)이 있어야 합니다. 파일이 비어 있거나 첫 줄이 빈 줄입니다"),
                List.of(good.replace("수면 시간", "공부 시간"), "1행 B열: 열 이름 '공부 시간'이(가) 앞에서 이미 쓰였습니다"),
                List.of("x," + "c,".repeat(100) + "y\n", "1행: 열이 102개입니다. 열은 100개까지 올릴 수 있습니다"),
                List.of("x,y\n" + "1,2\n".repeat(10_001), "10002행: 데이터는 10000행까지 올릴 수 있습니다"));
        for (List<String> c : cases) {
            HttpResponse<String> response = upload("carol", c.get(0));
            assertEquals(400, response.statusCode(), c.get(1));
            assertEquals("invalid_csv", json(response).path("code").asText());
            assertEquals(c.get(1), json(response).path("message").asText());
        }
        HttpResponse<String> target = upload("carol", "?target=" + "%ED%82%A4", good.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, target.statusCode());
        assertEquals("목표 열 '키'이(가) 헤더에 없습니다. 열 이름: 공부 시간, 수면 시간, 합격", json(target).path("message").asText());
        assertEquals("target", json(target).path("field").asText());
        HttpResponse<String> task = upload("carol", "?task=clustering", good.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, task.statusCode());
        assertEquals("task", json(task).path("field").asText());
        byte[] notText = {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0x81, 0x0a};
        assertEquals("UTF-8 글자가 아닙니다. 엑셀에서는 'CSV UTF-8(쉼표로 분리)'로 저장해 올려 주세요",
                json(upload("carol", "", notText)).path("message").asText());

        HttpResponse<String> tooLarge = upload("carol", "", new byte[(2 << 20) + 1]);
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertEquals("CSV 파일은 2 MB까지 올릴 수 있습니다 (받은 크기: 2.0 MB). 행이나 열을 줄여 주세요.",
                json(tooLarge).path("message").asText());
        HttpResponse<String> wellPast = upload("carol", "", new byte[9 << 20]);
        assertEquals(413, wellPast.statusCode(), "a body well past the cap is read to its end and refused");
        assertTrue(json(wellPast).path("message").asText().contains("(받은 크기: 9.0 MB)"), wellPast.body());

        assertEquals(200, server.get("/healthz").statusCode());
        assertEquals(201, upload("carol", good).statusCode(), "the same browser uploads a good file right after");
        byte[] excel = good.getBytes(Charset.forName("x-windows-949"));
        JsonNode korean = json(upload("carol", "", excel));
        assertEquals("공부 시간", korean.path("features").get(0).asText(), "Excel's Korean code page is read too");
    }

    @Test
    void oneBrowserCannotSeeOrUseAnothersUpload() throws Exception {
        start(UploadLimits.defaults());
        String name = uploaded("alice", grades());
        String gone = GONE.formatted(name);
        for (String browser : new String[] {"bob", null}) {
            HttpResponse<String> train = post("/api/train", browser, logistic(name));
            assertEquals(400, train.statusCode());
            assertEquals(gone, json(train).path("message").asText());
            assertEquals("dataset", json(train).path("field").asText());
            assertEquals(gone, json(post("/api/summary", browser, logistic(name))).path("message").asText());
            for (String path : new String[] {"/api/train", "/api/summary"}) {   // a scikit-learn document as well
                HttpResponse<String> fit = post(path, browser, knn(name));
                assertEquals(400, fit.statusCode(), fit.body());
                assertEquals(gone, json(fit).path("message").asText());
            }
            HttpResponse<String> csv = get("/api/datasets/" + name + "/test.csv", browser);
            assertEquals(400, csv.statusCode());
            assertEquals(gone, json(csv).path("message").asText());
            assertEquals(404, send("DELETE", "/api/datasets/" + name, browser, HttpRequest.BodyPublishers.noBody())
                    .statusCode());
        }
        assertEquals(200, post("/api/train", "alice", knn(name)).statusCode(), "the uploader fits it with scikit-learn");
        assertEquals(0, json(get("/api/datasets/uploads", "bob")).size());
        assertTrue(json(get("/api/datasets", "bob")).findValuesAsText("name").stream().noneMatch(n -> n.startsWith("upload-")));
        assertTrue(json(get("/api/datasets", "alice")).findValuesAsText("name").stream().noneMatch(n -> n.startsWith("upload-")),
                "the shared list never holds uploads; the uploader has its own");
        String never = "upload-0000000000000000";
        assertEquals(GONE.formatted(never), json(post("/api/train", "bob", logistic(never))).path("message").asText(),
                "someone else's upload is told exactly as one that never was");
        try (SocketClient socket = SocketClient.open(server.port(), "bob")) {
            socket.start(logistic(name));
            JsonNode error = socket.until("error", 10).get(0);
            assertEquals("invalid_config", error.path("code").asText());
            assertEquals(gone, error.path("message").asText());
        }
        assertEquals(200, post("/api/train", "alice", logistic(name)).statusCode(), "still alice's");
        assertEquals(204, send("DELETE", "/api/datasets/" + name, "alice", HttpRequest.BodyPublishers.noBody()).statusCode());
        assertEquals(gone, json(post("/api/train", "alice", logistic(name))).path("message").asText());
    }

    @Test
    void uploadsExpireAndTheirMemoryGoesBackToTheBudget() throws Exception {
        // grades() holds 20 × 3 cells: 16 × 60 + names + 4096 ≈ 5.2 KB as estimated; two fit in 12 KB, three do not
        start(UploadLimits.defaults().withBudget(12 << 10));
        String first = uploaded("alice", grades());
        uploaded("bob", grades());
        HttpResponse<String> full = upload("carol", grades());
        assertEquals(503, full.statusCode(), full.body());
        assertEquals("busy", json(full).path("code").asText());
        assertEquals(200, server.get("/healthz").statusCode());

        clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertEquals(200, post("/api/summary", "alice", logistic(first)).statusCode(), "a second before it expires");
        assertEquals(1, json(get("/api/datasets/uploads", "alice")).get(0).path("expires_in_seconds").asLong());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(GONE.formatted(first), json(post("/api/train", "alice", logistic(first))).path("message").asText());
        assertEquals(0, json(get("/api/datasets/uploads", "alice")).size());
        assertEquals(201, upload("carol", grades()).statusCode(), "the expired uploads' room is free again");
    }

    @Test
    void aBrowserHoldsAFewUploadsAndSendsAFewAMinute() throws Exception {
        start(UploadLimits.defaults().withPerBrowser(2, 3));
        String first = uploaded("alice", grades());
        String second = uploaded("alice", grades());
        String third = uploaded("alice", grades());
        assertEquals(GONE.formatted(first), json(post("/api/summary", "alice", logistic(first))).path("message").asText(),
                "the third replaced the oldest");
        assertEquals(List.of(second, third), json(get("/api/datasets/uploads", "alice")).findValuesAsText("name"));
        HttpResponse<String> fourth = upload("alice", grades());
        assertEquals(429, fourth.statusCode());
        assertEquals("1분에 3번까지 CSV를 올릴 수 있습니다. 잠시 뒤에 다시 올려 주세요.", json(fourth).path("message").asText());
        assertEquals(201, upload("bob", grades()).statusCode(), "another browser is not held back");
    }

    /** A clock the test moves; the real server reads it for the uploads' expiry and the per-minute window. */
    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-04T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
