package io.trent.store.sqlite;

import io.trent.kms.KmsStore;
import io.trent.kms.StoreException;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The SQLite implementation of {@link KmsStore}: one database file in WAL mode with {@code synchronous=FULL}, so a
 * committed write is on disk before {@link #write} returns. One writer connection (writes are serialized in the
 * process and take the database write lock with BEGIN IMMEDIATE) and a small pool of reader connections that run
 * concurrently with the writer. Every statement is prepared once per connection.
 *
 * <p>Intended for one server process per database file; other processes are tolerated (busy timeout) but do not
 * see each other's cached state in the service above.
 */
public final class SqliteStore implements KmsStore {
    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int SCHEMA_VERSION = 2;

    private final SqliteTx writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<SqliteTx> readers = new ArrayBlockingQueue<>(READERS);
    private final List<SqliteTx> all = new ArrayList<>();
    private volatile boolean closed;

    private SqliteStore(Path dbFile) throws SQLException {
        String url = "jdbc:sqlite:" + dbFile.toAbsolutePath();
        Connection w = connect(url, true);
        try {
            createSchema(w);
        } catch (SQLException | RuntimeException e) {
            w.close();
            throw e;
        }
        writer = new SqliteTx(w);
        all.add(writer);
        for (int i = 0; i < READERS; i++) {
            SqliteTx r = new SqliteTx(connect(url, false));
            all.add(r);
            readers.add(r);
        }
    }

    /** Opens (creating if needed) the database file and its schema. */
    public static SqliteStore open(Path dbFile) {
        try {
            Path parent = dbFile.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            return new SqliteStore(dbFile);
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("cannot open the SQLite store " + dbFile + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String url, boolean writer) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(writer ? SQLiteConfig.TransactionMode.IMMEDIATE
                : SQLiteConfig.TransactionMode.DEFERRED);
        Connection c = DriverManager.getConnection(url, config.toProperties());
        c.setAutoCommit(false);
        return c;
    }

    private static void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            int version;
            try (var rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION)
                throw new StoreException("the database has schema version " + version
                        + ", newer than this server understands (" + SCHEMA_VERSION + ")");
            // tables first (CREATE ... IF NOT EXISTS leaves old tables as they are), then the columns they lack
            for (String ddl : Schema.DDL) s.executeUpdate(ddl);
            for (Schema.AddedColumn a : Schema.ADDED_COLUMNS)
                if (!hasColumn(s, a.table(), a.column()))
                    s.executeUpdate("ALTER TABLE " + a.table() + " ADD COLUMN " + a.column() + " " + a.type());
            s.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
            c.commit();
        }
    }

    private static boolean hasColumn(Statement s, String table, String column) throws SQLException {
        try (var rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) if (column.equals(rs.getString("name"))) return true;
        }
        return false;
    }

    @Override
    public <T> T read(Function<Reader, T> work) {
        SqliteTx tx = takeReader();
        try {
            return work.apply(tx);
        } finally {
            tx.finish(false);
            readers.add(tx);
        }
    }

    @Override
    public <T> T write(Function<Writer, T> work) {
        if (writeLock.isHeldByCurrentThread())
            throw new IllegalStateException("nested write transactions are not supported");
        writeLock.lock();
        try {
            checkOpen();
            T result;
            try {
                result = work.apply(writer);
            } catch (RuntimeException | Error e) {
                writer.finish(false);
                throw e;
            }
            writer.finish(true);
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    private SqliteTx takeReader() {
        checkOpen();
        try {
            SqliteTx tx = readers.poll(BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (tx == null) throw new StoreException("no SQLite reader connection became free in time");
            return tx;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a SQLite connection", e);
        }
    }

    private void checkOpen() {
        if (closed) throw new StoreException("the store is closed");
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) return;
            closed = true;
            // wait (bounded) for readers in use to come back before closing their connections
            for (int i = 0; i < READERS; i++) {
                try {
                    if (readers.poll(BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS) == null) break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (SqliteTx tx : all) tx.close();
        } finally {
            writeLock.unlock();
        }
    }
}
