package io.trent.server;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Signs requests with the AWS SDK for Java v2's own SigV4 signer, as every real client does. */
public final class SdkSigner {
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final String accessKeyId, secret, region, service;
    private Clock clock = Clock.systemUTC();

    public SdkSigner(String accessKeyId, String secret, String region, String service) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.region = region;
        this.service = service;
    }

    public static SdkSigner kms(String accessKeyId, String secret) {
        return new SdkSigner(accessKeyId, secret, "us-west-2", "kms");
    }

    public SdkSigner at(Clock clock) {
        this.clock = clock;
        return this;
    }

    /**
     * Signs {@code POST uri} with {@code headers} (all of them signed) and returns every header to send, in order,
     * Host and Authorization included.
     */
    public Map<String, String> sign(String method, URI uri, Map<String, String> headers, String body) {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(b::putHeader);
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest signed = SIGNER.sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKeyId, secret))
                .request(b.build())
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, true)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, true)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
        Map<String, String> out = new LinkedHashMap<>();
        if (!signed.headers().containsKey("Host")) out.put("Host", uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
        for (Map.Entry<String, List<String>> e : signed.headers().entrySet()) out.put(e.getKey(), String.join(",", e.getValue()));
        return out;
    }

    /** The headers of a KMS JSON 1.1 call of {@code operation}, signed. */
    public Map<String, String> kmsCall(int port, String operation, String body, Map<String, String> extraHeaders) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/x-amz-json-1.1");
        h.put("X-Amz-Target", "TrentService." + operation);
        h.putAll(extraHeaders);
        return sign("POST", URI.create("http://127.0.0.1:" + port + "/"), h, body);
    }
}
