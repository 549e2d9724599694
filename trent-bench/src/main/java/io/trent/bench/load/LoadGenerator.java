package io.trent.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for a running Trent server (never run by the tests). For each operation (GenerateDataKey, Encrypt
 * of 4 KB, Decrypt of that ciphertext, DescribeKey) and each concurrency it keeps one keep-alive connection per
 * worker busy for a fixed time and reports requests/s, p50/p99 latency (HdrHistogram) and, given the server's PID,
 * the server's CPU time per request (utime+stime from /proc). Loopback endpoints only.
 *
 * <pre>
 * java -cp trent-bench/target/benchmarks.jar io.trent.bench.load.LoadGenerator \
 *     --endpoint http://127.0.0.1:8090 --server-pid PID [--seconds 10] [--warmup 3] [--concurrency 1,8,32]
 *     [--ops GenerateDataKey,Encrypt,Decrypt,DescribeKey] [--access-key K --secret S] [--region us-east-1]
 *     [--create-keys 10000]
 * </pre>
 */
public final class LoadGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_LATENCY_NANOS = 60_000_000_000L;

    private final Map<String, String> opts;
    private final URI endpoint;
    private final Long serverPid;

    private LoadGenerator(Map<String, String> opts) {
        this.opts = opts;
        this.endpoint = URI.create(opts.getOrDefault("endpoint", "http://127.0.0.1:8090"));
        this.serverPid = opts.containsKey("server-pid") ? Long.valueOf(opts.get("server-pid")) : null;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) usage("bad argument " + args[i]);
            opts.put(args[i].substring(2), args[++i]);
        }
        new LoadGenerator(opts).run();
    }

    private static void usage(String problem) {
        System.err.println("load generator: " + problem);
        System.err.println("usage: LoadGenerator --endpoint http://127.0.0.1:8090 [--server-pid PID] [--seconds 10] "
                + "[--warmup 3] [--concurrency 1,8,32] [--ops GenerateDataKey,Encrypt,Decrypt,DescribeKey] "
                + "[--access-key K] [--secret S] [--region R] [--create-keys N]");
        System.exit(2);
    }

    private KmsConnection connect() throws IOException {
        return new KmsConnection(endpoint, opts.getOrDefault("access-key", "dev"),
                opts.getOrDefault("secret", "dev"), opts.getOrDefault("region", "us-east-1"));
    }

    private void run() throws Exception {
        if (!InetAddress.getByName(endpoint.getHost()).isLoopbackAddress())
            usage("the endpoint must be a loopback address, not " + endpoint.getHost());
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "10"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "3"));
        if (seconds < 1 || seconds > 120 || warmup < 0 || warmup > 60) usage("--seconds 1..120, --warmup 0..60");
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.name"));

        String keyId, ciphertext;
        try (KmsConnection c = connect()) {
            if (opts.containsKey("create-keys")) createKeys(c, Integer.parseInt(opts.get("create-keys")));
            keyId = json(c.call("CreateKey", "{\"Description\":\"load generator\"}")).at("/KeyMetadata/KeyId").asText();
            byte[] plaintext = new byte[4096];
            new SecureRandom().nextBytes(plaintext);
            String p = Base64.getEncoder().encodeToString(plaintext);
            ciphertext = json(c.call("Encrypt", "{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\"" + p + "\"}"))
                    .get("CiphertextBlob").asText();
            Map<String, String> bodies = new LinkedHashMap<>();
            bodies.put("GenerateDataKey", "{\"KeyId\":\"" + keyId + "\",\"KeySpec\":\"AES_256\"}");
            bodies.put("Encrypt", "{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\"" + p + "\"}");
            bodies.put("Decrypt", "{\"CiphertextBlob\":\"" + ciphertext + "\"}");
            bodies.put("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}");
            for (Map.Entry<String, String> b : bodies.entrySet()) {
                KmsConnection.Reply r = c.call(b.getKey(), b.getValue());
                if (r.status() != 200) throw new IOException(b.getKey() + " failed: " + r.text());
            }
            System.out.printf(Locale.ROOT, "%-16s %5s %10s %9s %9s %9s %7s %12s%n", "operation", "conc", "req/s",
                    "p50 us", "p99 us", "max us", "errors", "server us/req");
            for (String op : opts.getOrDefault("ops", String.join(",", bodies.keySet())).split(",")) {
                if (!bodies.containsKey(op)) usage("unknown operation " + op);
                for (String conc : opts.getOrDefault("concurrency", "1,8,32").split(","))
                    cell(op, bodies.get(op), Integer.parseInt(conc), warmup, seconds);
            }
        }
    }

    private void createKeys(KmsConnection c, int n) throws IOException {
        long before = serverPid == null ? 0 : ProcStat.rssBytes(serverPid);
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++)
            ids.add(json(c.call("CreateKey", "{\"Description\":\"bulk " + i + "\"}")).at("/KeyMetadata/KeyId").asText());
        System.out.printf(Locale.ROOT, "created %d keys in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        // Use every key once, so that a server caching keys shows its full footprint.
        for (String id : ids) json(c.call("DescribeKey", "{\"KeyId\":\"" + id + "\"}"));
        if (serverPid != null)
            System.out.printf(Locale.ROOT, "server RSS: %.1f MB before, %.1f MB after creating and describing them%n",
                    before / 1e6, ProcStat.rssBytes(serverPid) / 1e6);
    }

    private static JsonNode json(KmsConnection.Reply r) throws IOException {
        if (r.status() != 200) throw new IOException("setup call failed: " + r.text());
        return JSON.readTree(r.body());
    }

    /** 0: warming up, 1: measuring, 2: stop. */
    private volatile int phase;

    private void cell(String op, String body, int concurrency, int warmup, int seconds) throws Exception {
        List<KmsConnection> connections = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) connections.add(connect());
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        phase = 0;
        for (KmsConnection c : connections) {
            Histogram h = new Histogram(MAX_LATENCY_NANOS, 3);
            histograms.add(h);
            Thread t = new Thread(() -> {
                try {
                    while (phase != 2) {
                        boolean measured = phase == 1;
                        long start = System.nanoTime();
                        KmsConnection.Reply r = c.call(op, body);
                        long took = System.nanoTime() - start;
                        if (measured && phase == 1) {
                            h.recordValue(Math.min(took, MAX_LATENCY_NANOS));
                            if (r.status() != 200) errors.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            }, "load-" + op + "-" + threads.size());
            threads.add(t);
            t.start();
        }
        Thread.sleep(warmup * 1000L);
        long cpu0 = serverPid == null ? 0 : ProcStat.cpuNanos(serverPid);
        long t0 = System.nanoTime();
        phase = 1;
        Thread.sleep(seconds * 1000L);
        phase = 2;
        long elapsed = System.nanoTime() - t0;
        long cpu1 = serverPid == null ? 0 : ProcStat.cpuNanos(serverPid);
        for (Thread t : threads) t.join();
        for (KmsConnection c : connections) c.close();
        Histogram all = new Histogram(MAX_LATENCY_NANOS, 3);
        histograms.forEach(all::add);
        long n = all.getTotalCount();
        String cpu = serverPid == null || n == 0 ? "n/a"
                : String.format(Locale.ROOT, "%.1f", (cpu1 - cpu0) / 1e3 / n);
        System.out.printf(Locale.ROOT, "%-16s %5d %10.0f %9.0f %9.0f %9.0f %7d %12s%n", op, concurrency,
                n / (elapsed / 1e9), all.getValueAtPercentile(50) / 1e3, all.getValueAtPercentile(99) / 1e3,
                all.getMaxValue() / 1e3, errors.get(), cpu);
    }
}
