package io.trent.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.trent.kms.KmsService;
import io.trent.kms.KmsStore;
import io.trent.policy.Caller;
import io.trent.server.auth.RequestAuthenticator;
import io.trent.server.config.TrentConfig;
import io.trent.server.identity.IdentityDirectory;
import io.trent.store.sqlite.SqliteStore;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Trent KMS endpoint: Netty HTTP/1.1 (keep-alive), or HTTPS when given a certificate, on two event-loop threads, a small worker pool for store
 * writes and slow key operations, and the KMS service over an embedded SQLite store. {@link #close()} stops
 * accepting, finishes running requests, and closes the store.
 */
public final class TrentServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TrentServer.class.getName());
    /** Large enough for any valid KMS request (a 32 KB key policy escaped as \\u sequences is ~200 KB). */
    static final int MAX_REQUEST_BYTES = 1 << 20;
    private static final int EVENT_LOOP_THREADS = 2;
    private static final int WORKER_THREADS = 4;
    private static final int WORKER_QUEUE = 10_000;
    private static final long PURGE_INTERVAL_SECONDS = 60;

    /**
     * @param port         0 picks a free port
     * @param tls          serve HTTPS with this certificate and key (requests then have aws:SecureTransport true);
     *                     null serves plain HTTP
     * @param devAccount   in dev mode the account whose root user unknown access keys act as; null otherwise
     */
    public record Options(String host, int port, TrentConfig.Tls tls, Path databaseFile, Path rootKeyFile,
                          TrentConfig config, String devAccount, Clock clock) {}

    private final Options options;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final KmsService kms;
    private final boolean rootKeyGenerated;
    private final EventLoopGroup boss, loops;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService purger;
    private final Channel channel;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TrentServer(Options o) throws IOException {
        this.options = o;
        // Before anything is created or locked: a bad certificate or key leaves no trace.
        SslContext tls = o.tls() == null ? null : ServerTls.context(o.tls());
        RootKeyFile.createPrivateDirectories(o.databaseFile().toAbsolutePath().getParent());
        Path lockFile = o.databaseFile().resolveSibling(o.databaseFile().getFileName() + ".lock");
        lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            lockChannel.close();
            throw new IOException("another Trent server is using " + o.databaseFile());
        }
        lock = l;
        KmsStore store = null;
        KmsService service = null;
        EventLoopGroup b = null, w = null;
        ThreadPoolExecutor pool = null;
        try {
            RootKeyFile.Loaded root = RootKeyFile.loadOrCreate(o.rootKeyFile(), o.databaseFile());
            rootKeyGenerated = root.generated();
            store = SqliteStore.open(o.databaseFile());
            IdentityDirectory directory = new IdentityDirectory(o.config());
            service = new KmsService(store, root.key(), directory, directory, o.clock());
            Caller.Iam dev = o.devAccount() == null ? null : Caller.parseIam("arn:aws:iam::" + o.devAccount() + ":root");
            RequestAuthenticator authenticator = new RequestAuthenticator(directory, dev, o.clock());
            pool = new ThreadPoolExecutor(WORKER_THREADS, WORKER_THREADS, 0, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(WORKER_QUEUE), new DefaultThreadFactory("trent-worker", true));
            b = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("trent-accept"), NioIoHandler.newFactory());
            w = new MultiThreadIoEventLoopGroup(EVENT_LOOP_THREADS, new DefaultThreadFactory("trent-http"),
                    NioIoHandler.newFactory());
            KmsService kmsService = service;
            ThreadPoolExecutor workerPool = pool;
            channel = new ServerBootstrap().group(b, w).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    // The pooled allocator: Netty 4.2's default adaptive one starts JFR on the first request.
                    .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            if (tls != null) ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                            ch.pipeline().addLast(new HttpServerCodec(4096, 16 * 1024, 64 * 1024))
                                    .addLast(new JsonTooLargeAggregator(MAX_REQUEST_BYTES))
                                    .addLast(new KmsHttpHandler(kmsService, authenticator, workerPool, tls != null));
                        }
                    })
                    .bind(o.host(), o.port()).syncUninterruptibly().channel();
        } catch (RuntimeException | IOException e) {
            if (b != null) b.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            if (w != null) w.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            if (pool != null) pool.shutdownNow();
            if (service != null) service.close();
            else if (store != null) store.close();
            lock.release();
            lockChannel.close();
            if (e instanceof java.net.BindException)
                throw new IOException("cannot listen on " + o.host() + ":" + o.port() + ": " + e.getMessage(), e);
            throw e;
        }
        kms = service;
        boss = b;
        loops = w;
        workers = pool;
        purger = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("trent-purge", true));
        purger.scheduleWithFixedDelay(this::purge, 0, PURGE_INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    /** Opens the store (creating the data directory and root key on first start) and starts serving. */
    public static TrentServer start(Options options) throws IOException {
        return new TrentServer(options);
    }

    private void purge() {
        try {
            int n = kms.purgeExpiredKeys();
            if (n > 0) LOG.log(System.Logger.Level.INFO, "deleted " + n + " key(s) whose deletion date has passed");
            if ((n = kms.rotateDueKeys()) > 0) LOG.log(System.Logger.Level.INFO, "rotated " + n + " key(s) due for rotation");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "purging keys pending deletion failed", e);
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** The URL clients use, e.g. http://127.0.0.1:8090 or https://127.0.0.1:8090. */
    public String endpoint() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return (options.tls() == null ? "http://" : "https://") + host + ":" + port();
    }

    public Options options() {
        return options;
    }

    /** Whether this start generated the root key (first start on this data directory). */
    public boolean rootKeyGenerated() {
        return rootKeyGenerated;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        channel.close().syncUninterruptibly();
        purger.shutdownNow();
        // Running operations finish and hand their responses to the event loops before those stop.
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) workers.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        kms.close();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the lock goes away with the process anyway
        }
    }

    /** Answers an oversized request with a JSON error (and closes the connection) instead of a bare 413. */
    private static final class JsonTooLargeAggregator extends HttpObjectAggregator {
        JsonTooLargeAggregator(int maxContentLength) {
            super(maxContentLength);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            RequestException e = RequestException.tooLarge(maxContentLength());
            FullHttpResponse r = KmsHttpHandler.error(ctx, e.errorCode(), e.getMessage(), RequestIds.next());
            KmsHttpHandler.write(ctx, r, false);
        }
    }
}
