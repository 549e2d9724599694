package io.trent.server;

import io.trent.kms.RootKey;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;

/**
 * The root key on disk: raw bytes in a file only its owner can read (mode 0600). Generated on first start, written
 * atomically and synced. A database without its root key is never paired with a fresh one: its key material
 * could not be opened any more.
 */
final class RootKeyFile {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private RootKeyFile() {}

    /** @return the key, and whether it was generated now */
    static Loaded loadOrCreate(Path keyFile, Path databaseFile) throws IOException {
        if (Files.exists(keyFile)) {
            if (POSIX) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
                if (!OWNER_ONLY.containsAll(perms))
                    throw new IOException("root key file " + keyFile + " is readable by others (mode "
                            + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + keyFile);
            }
            byte[] bytes = Files.readAllBytes(keyFile);
            try {
                return new Loaded(RootKey.fromBytes(bytes), false);
            } catch (IllegalArgumentException e) {
                throw new IOException("root key file " + keyFile + " is damaged (it does not hold a root key)");
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        if (Files.exists(databaseFile))
            throw new IOException("database " + databaseFile + " exists but its root key " + keyFile + " is missing; "
                    + "restore the root key file (a new one could not open the stored keys)");
        Path dir = keyFile.toAbsolutePath().getParent();
        createPrivateDirectories(dir);
        RootKey key = RootKey.generate(new SecureRandom());
        byte[] bytes = key.toBytes();
        Path tmp = dir.resolve(keyFile.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            if (POSIX) Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(bytes));
                ch.force(true);
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(dir);
        return new Loaded(key, true);
    }

    record Loaded(RootKey key, boolean generated) {}

    static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        if (POSIX) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        else Files.createDirectories(dir);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // not every platform can sync a directory; the file itself is synced
        }
    }
}
