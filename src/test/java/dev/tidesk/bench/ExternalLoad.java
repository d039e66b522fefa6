package dev.tidesk.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An external load driver: a process of its own that drives a running Tidesk over HTTP as its users
 * do, and prints p50/p95/p99 and throughput per page for 1 and then 4 concurrent clients. It needs
 * nothing but the JDK, so it runs straight from its source:
 *
 * <pre>
 * java src/test/java/dev/tidesk/bench/ExternalLoad.java --base http://127.0.0.1:8080 \
 *     --staff o.smirnova@tidesk.example --client m.ivanova@romashka.example --password demo12345 \
 *     [--seconds 30] [--warmup 10] [--concurrency 1,4] [--sample 60]
 * </pre>
 *
 * The staff login must be a head or admin (it opens the dashboard and the reports). Each concurrent
 * client signs in on its own through the login forms (CSRF token and all), as staff and as the
 * client contact, and then goes round the pages in turn: the queue, "all open", the closed list, a
 * request page, the six kinds of text search, the portal list, the dashboard, a report page and its
 * XLSX, and a request created through the API (with a token it issues on the account page). The
 * admins' outbox and incoming-mail pages are driven only when asked for ({@code --only admin}). The
 * search words are chosen from the data: before the load, the driver reads the messages of a sample
 * of requests (newest and oldest) and takes the word found in most of them (common), a word found in
 * one of them only (uncommon), a made-up word found in none (absent), a hyphenated word, two words of
 * one message, and two neighbouring words as a phrase in quotes.
 */
public final class ExternalLoad {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern TID_LINK = Pattern.compile("/desk/requests/([A-Za-z]+-\\d+)\"");
    private static final Pattern MESSAGE_BODY = Pattern.compile("<div class=\"body\"[^>]*>(.*?)</div>", Pattern.DOTALL);
    private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\">([^<]+)<");
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:-\\p{L}+)*");
    private static final Set<String> STOP_WORDS = Set.of(
            "чтобы",
            "когда",
            "этот",
            "если",
            "было",
            "может",
            "только",
            "очень",
            "есть",
            "через",
            "после",
            "тоже",
            "который",
            "которые",
            "также",
            "будет",
            "нужно",
            "можно",
            "пожалуйста",
            "здравствуйте",
            "спасибо",
            "with",
            "this",
            "that",
            "from",
            "have",
            "please",
            "thanks");

    record Page(String name, boolean staff, String method, String path) {}

    record Words(String common, String uncommon, String absent, String hyphenated, String twoWords, String phrase) {}

    private final String base;
    private final String staffLogin;
    private final String clientLogin;
    private final String password;
    private final Map<String, List<Long>> samples = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, String> lastError = new ConcurrentHashMap<>();

    ExternalLoad(String base, String staffLogin, String clientLogin, String password) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.staffLogin = staffLogin;
        this.clientLogin = clientLogin;
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!o.containsKey("staff") || !o.containsKey("client") || !o.containsKey("password")) {
            System.err.println(
                    "usage: ExternalLoad --base URL --staff LOGIN --client LOGIN --password P"
                            + " [--seconds 30] [--warmup 10] [--concurrency 1,4] [--sample 60] [--only PAGE-PREFIX] [--words C|U|A|H|TWO|PHRASE]");
            System.exit(2);
        }
        ExternalLoad load = new ExternalLoad(
                o.getOrDefault("base", "http://127.0.0.1:8080"), o.get("staff"), o.get("client"), o.get("password"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
        int sample = Integer.parseInt(o.getOrDefault("sample", "60"));

        Session head = load.signIn("desk", load.staffLogin);
        List<String> tids = load.tids(head);
        Words words = load.words(head, tids, sample);
        if (o.containsKey("words")) {
            // the words of an earlier run, to compare before and after (e.g. a burst of new requests):
            // common|uncommon|absent|hyphenated|two words|phrase
            String[] w = o.get("words").split("\\|", -1);
            words = new Words(w[0], w[1], w[2], w[3], w[4], w[5]);
        }
        String token = load.issueToken(head);
        System.out.printf(
                Locale.ROOT,
                "words from %d requests: common «%s», uncommon «%s», absent «%s», hyphenated «%s», two words «%s», phrase «%s»%n",
                Math.min(sample, tids.size()),
                words.common(),
                words.uncommon(),
                words.absent(),
                words.hyphenated(),
                words.twoWords(),
                words.phrase());
        List<Page> pages = pages(tids.get(0), words);
        if (o.containsKey("only")) {
            // e.g. --only "API create" for a burst of new requests, --only search for the searches alone
            pages.removeIf(p -> !p.name().startsWith(o.get("only")));
        } else {
            // the admins' pages are asked for by name (--only admin), so the mix stays that of earlier runs
            pages.removeIf(p -> p.name().startsWith("admin"));
        }
        for (String c : o.getOrDefault("concurrency", "1,4").split(",")) {
            int clients = Integer.parseInt(c.strip());
            load.run(pages, tids, token, clients, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
        }
    }

    static List<Page> pages(String tid, Words w) {
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("queue", true, "GET", "/desk"));
        pages.add(new Page("all open", true, "GET", "/desk?view=OPEN"));
        pages.add(new Page("closed list", true, "GET", "/desk/requests?status=CLOSED&sort=UPDATED"));
        pages.add(new Page("request page", true, "GET", "/desk/requests/" + tid));
        pages.add(new Page("search: common", true, "GET", search(w.common())));
        pages.add(new Page("search: uncommon", true, "GET", search(w.uncommon())));
        pages.add(new Page("search: absent", true, "GET", search(w.absent())));
        pages.add(new Page("search: hyphenated", true, "GET", search(w.hyphenated())));
        pages.add(new Page("search: two words", true, "GET", search(w.twoWords())));
        pages.add(new Page("search: phrase", true, "GET", search(w.phrase())));
        pages.add(new Page("portal list", false, "GET", "/portal"));
        pages.add(new Page("dashboard", true, "GET", "/desk/dashboard"));
        pages.add(new Page("report page", true, "GET", "/desk/reports/volume"));
        pages.add(new Page("report XLSX", true, "GET", "/desk/reports/volume/export?format=xlsx"));
        pages.add(new Page("API create", true, "POST", "/api/v1/requests"));
        pages.add(new Page("admin: outbox", true, "GET", "/desk/admin/outbox"));
        pages.add(new Page("admin: incoming mail", true, "GET", "/desk/admin/mail"));
        return pages;
    }

    private static String search(String q) {
        return "/desk/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    /** Runs {@code clients} concurrent clients for the duration after a warm-up and prints the figures. */
    void run(List<Page> pages, List<String> tids, String token, int clients, Duration warmup, Duration duration)
            throws Exception {
        samples.clear();
        errors.clear();
        lastError.clear();
        for (Page p : pages) {
            samples.put(p.name(), new CopyOnWriteArrayList<>());
            errors.put(p.name(), new AtomicLong());
        }
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long deadline = measureFrom + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int index = c;
            Thread t = new Thread(() -> {
                try {
                    Session staff = signIn("desk", staffLogin);
                    Session client = signIn("portal", clientLogin);
                    for (long step = index; System.nanoTime() < deadline; step++) {
                        Page p = pages.get((int) (step % pages.size()));
                        if (p.name().equals("request page")) {
                            p = new Page(
                                    p.name(), true, "GET", "/desk/requests/" + tids.get((int) (step % tids.size())));
                        }
                        boolean measuring = System.nanoTime() >= measureFrom;
                        timed(p, p.staff() ? staff : client, token, step, measuring);
                    }
                } catch (Exception e) {
                    lastError.put("sign-in", e.toString());
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = duration.toNanos() / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%n%d concurrent client(s), %.0f s after %d s warm-up:%n%n",
                clients,
                seconds,
                warmup.toSeconds());
        System.out.println("| page | requests | errors | p50 ms | p95 ms | p99 ms | per second |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        long total = 0;
        for (Page p : pages) {
            long[] ms = samples.get(p.name()).stream()
                    .mapToLong(Long::longValue)
                    .sorted()
                    .toArray();
            total += ms.length;
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f |%n",
                    p.name(),
                    ms.length,
                    errors.get(p.name()).get(),
                    pct(ms, 0.50),
                    pct(ms, 0.95),
                    pct(ms, 0.99),
                    ms.length / seconds);
        }
        System.out.printf(Locale.ROOT, "| all | %d | | | | | %.1f |%n", total, total / seconds);
        lastError.forEach((k, v) -> System.out.println("last error of " + k + ": " + v));
    }

    private void timed(Page p, Session s, String token, long step, boolean measuring) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + p.path())).timeout(Duration.ofSeconds(60));
        int expected = 200;
        if (p.method().equals("POST")) {
            b.header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"contactEmail\":\"" + clientLogin + "\",\"subject\":\"Нагрузочный тест " + step
                                    + "\",\"body\":\"Проверка создания обращения через API\",\"urgency\":\"NORMAL\"}"));
            expected = 201;
        }
        long t0 = System.nanoTime();
        try {
            // an API client carries its token and no session cookie
            HttpClient http = p.method().equals("POST") ? api : s.http();
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - t0;
            if (r.statusCode() != expected) {
                errors.get(p.name()).incrementAndGet();
                lastError.put(p.name(), r.statusCode() + " " + p.path());
            } else if (measuring) {
                samples.get(p.name()).add(took);
            }
        } catch (IOException e) {
            errors.get(p.name()).incrementAndGet();
            lastError.put(p.name(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final HttpClient api = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    record Session(HttpClient http, String csrf) {}

    /** Signs in through the login form of {@code area} ("desk" or "portal") with its CSRF token. */
    Session signIn(String area, String login) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String form = get(http, "/" + area + "/login");
        Matcher m = CSRF_INPUT.matcher(form);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on /" + area + "/login");
        }
        HttpResponse<String> done = http.send(
                HttpRequest.newBuilder(URI.create(base + "/" + area + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", login, "password", password, "_csrf", m.group(1)))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = done.headers().firstValue("Location").orElse("");
        if (done.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in failed for " + login + ": " + done.statusCode() + " " + location);
        }
        Matcher token = CSRF_META.matcher(get(http, "/" + area));
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token after signing in as " + login);
        }
        return new Session(http, token.group(1));
    }

    /** TIDs from the request list: the newest and the oldest pages. */
    List<String> tids(Session s) throws IOException, InterruptedException {
        Set<String> tids = new LinkedHashSet<>();
        for (String path : List.of(
                "/desk/requests", "/desk/requests?page=1", "/desk/requests?dir=asc", "/desk/requests?dir=asc&page=1")) {
            Matcher m = TID_LINK.matcher(get(s.http(), path));
            while (m.find()) {
                tids.add(m.group(1));
            }
        }
        if (tids.isEmpty()) {
            throw new IllegalStateException("no requests listed on /desk/requests");
        }
        List<String> list = new ArrayList<>(tids);
        java.util.Collections.shuffle(list, new java.util.Random(42));
        return list;
    }

    /** The six search texts, chosen from the messages of {@code sample} requests. */
    Words words(Session s, List<String> tids, int sample) throws IOException, InterruptedException {
        Map<String, Integer> df = new HashMap<>();
        List<List<String>> messages = new ArrayList<>();
        for (String tid : tids.subList(0, Math.min(sample, tids.size()))) {
            Set<String> seen = new LinkedHashSet<>();
            Matcher m = MESSAGE_BODY.matcher(get(s.http(), "/desk/requests/" + tid));
            while (m.find()) {
                List<String> words = new ArrayList<>();
                Matcher w = WORD.matcher(unescape(m.group(1)).toLowerCase(Locale.ROOT));
                while (w.find()) {
                    words.add(w.group());
                }
                messages.add(words);
                seen.addAll(words);
            }
            seen.forEach(w -> df.merge(w, 1, Integer::sum));
        }
        List<String> byDf = df.keySet().stream()
                .filter(w -> w.length() >= 4 && !STOP_WORDS.contains(w))
                .sorted(Comparator.comparing((String w) -> -df.get(w)).thenComparing(w -> w))
                .toList();
        if (byDf.isEmpty()) {
            throw new IllegalStateException("no words in the sampled requests");
        }
        String common = byDf.get(0);
        String uncommon = byDf.stream()
                .filter(w -> df.get(w) == 1 && w.length() >= 6 && !w.contains("-"))
                .findFirst()
                .orElse(byDf.get(byDf.size() - 1));
        String hyphenated =
                byDf.stream().filter(w -> w.contains("-")).findFirst().orElse("онлайн-запись");
        String absent =
                "зюзябрикс" + Long.toString(System.nanoTime() % 1000, 36).replaceAll("\\d", "ы");
        String two = common;
        String phrase = "\"" + common + "\"";
        for (List<String> words : messages) {
            int i = words.indexOf(common);
            if (i >= 0 && words.size() > 1) {
                String other = words.stream()
                        .filter(w -> !w.equals(common) && w.length() >= 5 && !STOP_WORDS.contains(w))
                        .findFirst()
                        .orElse(null);
                if (other != null) {
                    two = common + " " + other;
                }
                int j = i + 1 < words.size() ? i : i - 1;
                phrase = "\"" + words.get(j) + " " + words.get(j + 1) + "\"";
                break;
            }
        }
        return new Words(common, uncommon, absent, hyphenated, two, phrase);
    }

    /** Issues an API token for the staff login on its account page (shown once, in the flash). */
    String issueToken(Session s) throws IOException, InterruptedException {
        s.http()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/desk/account/tokens"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        form(Map.of("name", "external-load", "_csrf", s.csrf()))))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        Matcher m = NEW_TOKEN.matcher(get(s.http(), "/desk/account"));
        if (!m.find()) {
            throw new IllegalStateException("no API token issued on /desk/account");
        }
        return m.group(1).strip();
    }

    private String get(HttpClient http, String path) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String unescape(String html) {
        return html.replaceAll("<[^>]+>", " ")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }
}
