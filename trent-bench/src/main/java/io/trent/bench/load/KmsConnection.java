package io.trent.bench.load;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection that sends KMS JSON 1.1 calls signed by the AWS SDK's SigV4 signer. A signed
 * request is valid for minutes, so the request bytes of each (operation, body) are signed once per second and
 * reused: the client spends its CPU on the socket, not on signing.
 */
final class KmsConnection implements Closeable {
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final URI endpoint;
    private final AwsCredentialsIdentity credentials;
    private final String region;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] lineBuffer = new byte[8192];
    private byte[] cachedRequest;
    private String cachedKey;
    private long cachedSecond = -1;

    KmsConnection(URI endpoint, String accessKeyId, String secret, String region) throws IOException {
        this.endpoint = endpoint;
        this.credentials = AwsCredentialsIdentity.create(accessKeyId, secret);
        this.region = region;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()));
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    /** The status and body of one call. */
    record Reply(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Reply call(String operation, String body) throws IOException {
        out.write(request(operation, body));
        out.flush();
        return read();
    }

    private byte[] request(String operation, String body) {
        long second = System.currentTimeMillis() / 1000;
        String key = operation + '\n' + body;
        if (second != cachedSecond || !key.equals(cachedKey)) {
            cachedRequest = sign(operation, body, Instant.ofEpochSecond(second));
            cachedKey = key;
            cachedSecond = second;
        }
        return cachedRequest;
    }

    private byte[] sign(String operation, String body, Instant at) {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "TrentService." + operation)
                .build();
        SdkHttpRequest signed = SIGNER.sign(r -> r.identity(credentials).request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kms")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        StringBuilder sb = new StringBuilder(1024).append("POST / HTTP/1.1\r\n");
        if (!signed.headers().containsKey("Host"))
            sb.append("Host: ").append(endpoint.getHost()).append(':').append(endpoint.getPort()).append("\r\n");
        for (Map.Entry<String, List<String>> h : signed.headers().entrySet())
            sb.append(h.getKey()).append(": ").append(String.join(",", h.getValue())).append("\r\n");
        sb.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + payload.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(payload, 0, all, head.length, payload.length);
        return all;
    }

    private Reply read() throws IOException {
        String status = line();
        int length = 0;
        for (String h = line(); !h.isEmpty(); h = line()) {
            if (h.regionMatches(true, 0, "content-length:", 0, 15)) length = Integer.parseInt(h.substring(15).trim());
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) throw new IOException("connection closed in the middle of a response");
        return new Reply(Integer.parseInt(status.substring(9, 12)), body);
    }

    private String line() throws IOException {
        int n = 0, c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r' && n < lineBuffer.length) lineBuffer[n++] = (byte) c;
        }
        if (c < 0) throw new IOException("connection closed by the server");
        return new String(lineBuffer, 0, n, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
