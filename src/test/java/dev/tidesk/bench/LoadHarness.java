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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drives HTTP load against a running Tidesk: virtual agents, a head and clients sign in through
 * the real login forms, then repeat their actions for a fixed time, each with its own cookies.
 * Requests go to the given loopback address only, and every loop ends by itself at the deadline.
 */
public final class LoadHarness {

    /** The actions measured, in the order they are reported. */
    /** Draws that pick each action of a user once, in the order of the mix below. */
    private static final double[] STAFF_TOUR = {0.1, 0.5, 0.7, 0.8, 0.9};

    private static final double[] CLIENT_TOUR = {0.5, 0.9};

    public static final List<String> ACTIONS = List.of(
            "queue", "request", "search-tid", "search-text", "reply", "dashboard", "portal-list", "portal-create");

    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /**
     * What to run.
     *
     * @param baseUrl     e.g. {@code http://127.0.0.1:8080}
     * @param agents      staff logins that work the queue
     * @param heads       logins that open the dashboard (a head or admin)
     * @param clients     contact logins for the portal
     * @param tids        requests to open and reply to
     * @param searchWords words for the text search
     */
    public record Plan(
            String baseUrl,
            List<String> agents,
            List<String> heads,
            List<String> clients,
            String password,
            List<String> tids,
            List<String> searchWords,
            int agentUsers,
            int clientUsers,
            Duration warmup,
            Duration duration,
            long seed) {}

    /** Latency figures of one action, in milliseconds. */
    public record Figures(
            String action,
            long count,
            long errors,
            double p50,
            double p95,
            double p99,
            double max,
            double throughput) {}

    private final Plan plan;
    private final Map<String, List<Long>> samples = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, String> lastError = new ConcurrentHashMap<>();
    private volatile boolean measuring;

    public LoadHarness(Plan plan) {
        this.plan = plan;
        for (String a : ACTIONS) {
            samples.put(a, java.util.Collections.synchronizedList(new ArrayList<>()));
            errors.put(a, new AtomicLong());
        }
    }

    /** Runs the load and returns figures per action. */
    public List<Figures> run() throws InterruptedException {
        int users = plan.agentUsers() + plan.clientUsers();
        CountDownLatch ready = new CountDownLatch(users);
        long start = System.nanoTime();
        long measureFrom = start + plan.warmup().toNanos();
        long deadline = measureFrom + plan.duration().toNanos();
        measuring = plan.warmup().isZero(); // without warm-up, the very first actions count
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            boolean staff = u < plan.agentUsers();
            boolean head = staff && u == 0 && !plan.heads().isEmpty();
            int index = u;
            Thread t = new Thread(
                    () -> {
                        try {
                            user(index, staff, head, ready, deadline);
                        } catch (Exception e) {
                            lastError.put("login", e.toString());
                        }
                    },
                    "bench-user-" + u);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long wait = measureFrom - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000);
        }
        measuring = true;
        long measuredFrom = System.nanoTime();
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 30_000));
        }
        measuring = false;
        double seconds = Math.max((System.nanoTime() - measuredFrom) / 1e9, 0.001);
        List<Figures> out = new ArrayList<>();
        for (String a : ACTIONS) {
            long[] ms;
            synchronized (samples.get(a)) {
                ms = samples.get(a).stream().mapToLong(Long::longValue).sorted().toArray();
            }
            out.add(new Figures(
                    a,
                    ms.length,
                    errors.get(a).get(),
                    pct(ms, 0.50),
                    pct(ms, 0.95),
                    pct(ms, 0.99),
                    ms.length == 0 ? 0 : ms[ms.length - 1] / 1e6,
                    ms.length / seconds));
        }
        return out;
    }

    public Map<String, String> lastErrors() {
        return lastError;
    }

    private void user(int index, boolean staff, boolean head, CountDownLatch ready, long deadline)
            throws IOException, InterruptedException {
        SplittableRandom random = new SplittableRandom(plan.seed() + index);
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String login = head
                ? plan.heads().get(0)
                : staff
                        ? plan.agents().get(index % plan.agents().size())
                        : plan.clients().get(index % plan.clients().size());
        String area = staff ? "desk" : "portal";
        String csrf = login(http, area, login);
        ready.countDown();
        // each user first takes every one of its actions once (the head its dashboard, the others
        // the queue), then draws them at random: a short run still measures every action
        double[] tour = staff ? STAFF_TOUR : CLIENT_TOUR;
        for (int step = 0; System.nanoTime() < deadline; step++) {
            double x = step < tour.length ? tour[step] : random.nextDouble();
            if (staff) {
                String tid = plan.tids().get(random.nextInt(plan.tids().size()));
                if (head && x < 0.5) {
                    get(http, "dashboard", "/desk/dashboard");
                } else if (x < 0.30) {
                    get(http, "queue", "/desk");
                } else if (x < 0.60) {
                    get(http, "request", "/desk/requests/" + tid);
                } else if (x < 0.72) {
                    get(http, "search-tid", "/desk/search?q=" + enc(tid));
                } else if (x < 0.86) {
                    get(
                            http,
                            "search-text",
                            "/desk/search?q="
                                    + enc(plan.searchWords()
                                            .get(random.nextInt(
                                                    plan.searchWords().size()))));
                } else {
                    post(
                            http,
                            "reply",
                            "/desk/requests/" + tid + "/messages",
                            Map.of(
                                    "kind",
                                    "reply",
                                    "body",
                                    "Спасибо, проверяем. Ответ из нагрузочного теста " + random.nextInt(1_000_000),
                                    "_csrf",
                                    csrf));
                }
            } else {
                if (x < 0.8) {
                    get(http, "portal-list", "/portal");
                } else {
                    post(
                            http,
                            "portal-create",
                            "/portal/requests",
                            Map.of(
                                    "subject",
                                    "Не открывается страница " + random.nextInt(1000),
                                    "body",
                                    "Здравствуйте! Страница каталога не открывается, проверьте, пожалуйста.",
                                    "urgency",
                                    "NORMAL",
                                    "_csrf",
                                    csrf));
                }
            }
        }
    }

    private String login(HttpClient http, String area, String login) throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(uri("/" + area + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF_INPUT.matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        HttpResponse<String> done = http.send(
                HttpRequest.newBuilder(uri("/" + area + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", login, "password", plan.password(), "_csrf", m.group(1)))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = done.headers().firstValue("Location").orElse("");
        if (done.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Login failed for " + login + ": " + done.statusCode() + " " + location);
        }
        HttpResponse<String> home =
                http.send(HttpRequest.newBuilder(uri("/" + area)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF_META.matcher(home.body());
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token after login for " + login);
        }
        return token.group(1);
    }

    private void get(HttpClient http, String action, String path) {
        timed(http, action, HttpRequest.newBuilder(uri(path)).GET().build(), 200);
    }

    /**
     * Times the form post alone, then loads the page it redirects to, untimed, as a browser does.
     * That page shows the post's flash message and so takes it out of the session; a client that
     * never follows the redirect piles up flash messages, which sessions in the database would then
     * read on every request, as no real user's would.
     */
    private void post(HttpClient http, String action, String path, Map<String, String> fields) {
        HttpResponse<String> done = timed(
                http,
                action,
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                        .build(),
                302);
        String location =
                done == null ? "" : done.headers().firstValue("Location").orElse("");
        if (!location.isEmpty()) {
            try {
                http.send(
                        HttpRequest.newBuilder(URI.create(plan.baseUrl()).resolve(location))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                errors.get(action).incrementAndGet();
                lastError.put(action, "following " + location + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private HttpResponse<String> timed(HttpClient http, String action, HttpRequest request, int expected) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t0;
            boolean ok = response.statusCode() == expected
                    || (expected == 200 && response.statusCode() == 302 && action.startsWith("search"));
            if (!ok) {
                errors.get(action).incrementAndGet();
                lastError.put(action, response.statusCode() + " " + request.uri());
            } else if (measuring) {
                samples.get(action).add(took);
            }
            return response;
        } catch (IOException e) {
            errors.get(action).incrementAndGet();
            lastError.put(action, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private URI uri(String path) {
        return URI.create(plan.baseUrl() + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }

    /** A plain-text table of the figures. */
    public static String table(List<Figures> figures) {
        StringBuilder sb = new StringBuilder();
        sb.append("| action | requests | errors | p50 ms | p95 ms | p99 ms | max ms | per second |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Figures f : figures) {
            sb.append(String.format(
                    java.util.Locale.ROOT,
                    "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                    f.action(),
                    f.count(),
                    f.errors(),
                    f.p50(),
                    f.p95(),
                    f.p99(),
                    f.max(),
                    f.throughput()));
        }
        return sb.toString();
    }

    static Map<String, Figures> byAction(List<Figures> figures) {
        Map<String, Figures> map = new LinkedHashMap<>();
        figures.forEach(f -> map.put(f.action(), f));
        return map;
    }

    static List<String> words() {
        return Arrays.asList(
                "форма",
                "сертификат",
                "оплата",
                "каталог",
                "домен",
                "редирект",
                "certificate",
                "выгрузка 1С",
                "онлайн-запись",
                "баннер");
    }
}
