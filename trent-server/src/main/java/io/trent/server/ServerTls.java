package io.trent.server;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.trent.server.config.TrentConfig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.SSLException;

/**
 * The server's TLS context (JDK provider, TLS 1.2 and 1.3) from a PEM certificate chain and an unencrypted PKCS#8
 * PEM private key (RSA, EC or EdDSA). The files are read here rather than by Netty so that a key in another format,
 * or one that does not belong to the certificate, stops the start with a message naming the file instead of failing
 * every handshake later. Messages never include key material.
 */
final class ServerTls {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final String TO_PKCS8 = "convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pkcs8.pem";

    private ServerTls() {}

    static SslContext context(TrentConfig.Tls tls) throws IOException {
        X509Certificate[] chain = certificates(tls.certificateChain());
        PrivateKey key = privateKey(tls.privateKey());
        if (!belongTogether(key, chain[0]))
            throw new IOException("TLS private key " + tls.privateKey() + " does not belong to the certificate in "
                    + tls.certificateChain());
        try {
            return SslContextBuilder.forServer(key, chain).sslProvider(SslProvider.JDK).protocols(PROTOCOLS).build();
        } catch (SSLException e) {
            throw new IOException("TLS: cannot serve the certificate in " + tls.certificateChain() + ": "
                    + e.getMessage());
        }
    }

    private static X509Certificate[] certificates(Path file) throws IOException {
        byte[] pem = read(file, "TLS certificate");
        Collection<? extends Certificate> certs;
        try {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
        } catch (CertificateException e) {
            throw new IOException("TLS certificate " + file + ": not a PEM certificate chain (-----BEGIN CERTIFICATE"
                    + "----- blocks, the server's certificate first)");
        }
        if (certs.isEmpty()) throw new IOException("TLS certificate " + file + ": no certificate in the file");
        return certs.stream().map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        byte[] bytes = read(file, "TLS private key");
        String text = new String(bytes, StandardCharsets.US_ASCII);
        Arrays.fill(bytes, (byte) 0);
        String where = "TLS private key " + file + ": ";
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
            throw new IOException(where + "the key is encrypted; Trent needs an unencrypted PKCS#8 key (protect the "
                    + "file with its permissions); " + TO_PKCS8);
        if (text.contains("-----BEGIN RSA PRIVATE KEY-----") || text.contains("-----BEGIN EC PRIVATE KEY-----"))
            throw new IOException(where + "a PKCS#1/SEC1 key; Trent reads PKCS#8 (-----BEGIN PRIVATE KEY-----); "
                    + TO_PKCS8);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin || text.indexOf("-----BEGIN PRIVATE KEY-----", begin + 1) >= 0)
            throw new IOException(where + "expected one PEM PKCS#8 private key (-----BEGIN PRIVATE KEY-----)");
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        } catch (IllegalArgumentException e) {
            throw new IOException(where + "the PEM block is not valid base64");
        }
        try {
            for (String algorithm : new String[]{"RSA", "EC", "EdDSA"}) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                } catch (InvalidKeySpecException notThisAlgorithm) {
                    // try the next one
                } catch (GeneralSecurityException e) {
                    throw new IOException(where + "cannot load " + algorithm + " keys on this JVM");
                }
            }
        } finally {
            Arrays.fill(der, (byte) 0);
        }
        throw new IOException(where + "not an RSA, EC or EdDSA PKCS#8 private key");
    }

    private static byte[] read(Path file, String what) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(what + " " + file + ": file not found");
        } catch (IOException e) {
            throw new IOException(what + " " + file + ": cannot read: " + e.getMessage());
        }
    }

    /** Signs a random challenge with the key and verifies it with the certificate's public key. */
    private static boolean belongTogether(PrivateKey key, X509Certificate cert) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "EdDSA";
        };
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;  // among others: the certificate's key is of another type
        }
    }
}
